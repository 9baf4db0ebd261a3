package container

// plainMagics are formats that are readable without a secret (or are compressed, not
// encrypted). Order matters only for shared prefixes.
var plainMagics = []struct {
	magic   string
	format  Format
	content Content
}{
	{"\x89PNG\r\n\x1a\n", FormatPNG, ContentOpaque},
	{"\xff\xd8\xff", FormatJPEG, ContentOpaque},
	{"GIF87a", FormatGIF, ContentOpaque},
	{"GIF89a", FormatGIF, ContentOpaque},
	{"II*\x00", FormatTIFF, ContentOpaque},
	{"MM\x00*", FormatTIFF, ContentOpaque},
	{"\x1f\x8b", FormatGzip, ContentGzip},
	{"\xfd7zXZ\x00", FormatXz, ContentXz},
	{"BZh", FormatBzip2, ContentBzip2},
	{"\x28\xb5\x2f\xfd", FormatZstd, ContentOpaque},
	{"\x5d\x00\x00", FormatLZMA, ContentOpaque},
	{"\x7fELF", FormatELF, ContentOpaque},
	{"%!PS", FormatPostScript, ContentText},
	{"{\\rtf", FormatRTF, ContentText},
	{"SQLite format 3\x00", FormatSQLite, ContentSQLite},
	{"ID3", FormatMP3, ContentOpaque},
	{"OggS", FormatOgg, ContentOpaque},
	{"fLaC", FormatFLAC, ContentOpaque},
	{"\x1aE\xdf\xa3", FormatMatroska, ContentOpaque},
	{"\xff\xfe", FormatUTF16, ContentUTF16},
	{"\xfe\xff", FormatUTF16, ContentUTF16},
}

// probePlainFormats recognises common plain formats by their magic numbers.
func probePlainFormats(b *Blob) (Result, bool) {
	h := b.Head
	for _, m := range plainMagics {
		if hasPrefix(h, m.magic) {
			return Result{Verdict: Plain, Format: m.format, Content: m.content}, true
		}
	}
	switch {
	case len(h) >= 12 && string(h[:4]) == "RIFF" && (string(h[8:12]) == "WEBP" || string(h[8:12]) == "WAVE" || string(h[8:12]) == "AVI "):
		return Result{Verdict: Plain, Format: FormatRIFF, Detail: cstr(h[8:12]), Content: ContentOpaque}, true
	case len(h) >= 12 && string(h[4:8]) == "ftyp":
		return Result{Verdict: Plain, Format: FormatMP4, Content: ContentOpaque}, true
	case len(h) >= 26 && string(h[:2]) == "BM" && h[14] >= 12 && h[15] == 0 && h[16] == 0 && h[17] == 0:
		return Result{Verdict: Plain, Format: FormatBMP, Content: ContentOpaque}, true
	case len(h) >= 64 && string(h[:2]) == "MZ":
		return Result{Verdict: Plain, Format: FormatPE, Content: ContentOpaque}, true
	}
	return Result{}, false
}

// probeText recognises text (UTF-8, ASCII, Latin-1 with few control characters is
// not text: it falls to statistics and then to a raw scan).
func probeText(b *Blob) (Result, bool) {
	if LooksText(b.Head) {
		return Result{Verdict: Plain, Format: FormatText, Content: ContentText}, true
	}
	return Result{}, false
}
