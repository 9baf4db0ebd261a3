package container

// plainMagics are formats that are readable without a secret (or are compressed, not
// encrypted). Order matters only for shared prefixes.
var plainMagics = []struct {
	magic, format string
	content       Content
}{
	{"\x89PNG\r\n\x1a\n", "PNG image", ContentOpaque},
	{"\xff\xd8\xff", "JPEG image", ContentOpaque},
	{"GIF87a", "GIF image", ContentOpaque},
	{"GIF89a", "GIF image", ContentOpaque},
	{"II*\x00", "TIFF image", ContentOpaque},
	{"MM\x00*", "TIFF image", ContentOpaque},
	{"\x1f\x8b", "gzip", ContentGzip},
	{"\xfd7zXZ\x00", "xz", ContentXz},
	{"BZh", "bzip2", ContentBzip2},
	{"\x28\xb5\x2f\xfd", "zstd", ContentOpaque},
	{"\x5d\x00\x00", "lzma", ContentOpaque},
	{"\x7fELF", "ELF executable", ContentOpaque},
	{"%!PS", "PostScript", ContentText},
	{"{\\rtf", "RTF document", ContentText},
	{"SQLite format 3\x00", "SQLite database", ContentBinary},
	{"ID3", "MP3 audio", ContentOpaque},
	{"OggS", "Ogg media", ContentOpaque},
	{"fLaC", "FLAC audio", ContentOpaque},
	{"\x1aE\xdf\xa3", "Matroska/WebM video", ContentOpaque},
	{"\xff\xfe", "UTF-16 text", ContentUTF16},
	{"\xfe\xff", "UTF-16 text", ContentUTF16},
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
		return Result{Verdict: Plain, Format: "RIFF media (" + cstr(h[8:12]) + ")", Content: ContentOpaque}, true
	case len(h) >= 12 && string(h[4:8]) == "ftyp":
		return Result{Verdict: Plain, Format: "MP4/HEIF media", Content: ContentOpaque}, true
	case len(h) >= 26 && string(h[:2]) == "BM" && h[14] >= 12 && h[15] == 0 && h[16] == 0 && h[17] == 0:
		return Result{Verdict: Plain, Format: "BMP image", Content: ContentOpaque}, true
	case len(h) >= 64 && string(h[:2]) == "MZ":
		return Result{Verdict: Plain, Format: "Windows executable", Content: ContentOpaque}, true
	}
	return Result{}, false
}

// probeText recognises text (UTF-8, ASCII, Latin-1 with few control characters is
// not text: it falls to statistics and then to a raw scan).
func probeText(b *Blob) (Result, bool) {
	if LooksText(b.Head) {
		return Result{Verdict: Plain, Format: "text", Content: ContentText}, true
	}
	return Result{}, false
}
