module github.com/trustreflex/trustreflex

go 1.26

require github.com/stretchr/testify v1.12.1

require (
	github.com/ulikunitz/xz v0.5.17 // indirect
	go.yaml.in/yaml/v3 v3.0.5 // indirect
)
