module github.com/trustreflex/trustreflex

go 1.26.0

require github.com/stretchr/testify v1.12.1

require (
	github.com/mtibben/confusables v0.0.0-20210201002637-9d1b0723b659 // indirect
	go.yaml.in/yaml/v3 v3.0.5 // indirect
	golang.org/x/net v0.62.0 // indirect
	golang.org/x/text v0.43.0 // indirect
)
