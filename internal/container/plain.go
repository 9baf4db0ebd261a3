package container

// plainMagics are formats that are readable without a secret (or are compressed, not
// encrypted). Order matters only for shared prefixes.
var plainMagics = []struct {
	magic, format string
}{
	{"\x89PNG\r\n\x1a\n", "PNG image"},
	{"\xff\xd8\xff", "JPEG image"},
	{"GIF87a", "GIF image"},
	{"GIF89a", "GIF image"},
	{"II*\x00", "TIFF image"},
	{"MM\x00*", "TIFF image"},
	{"BM", ""}, // bitmap: checked below, the prefix is too short alone
	{"\x1f\x8b", "gzip"},
	{"\xfd7zXZ\x00", "xz"},
	{"BZh", "bzip2"},
	{"\x28\xb5\x2f\xfd", "zstd"},
	{"\x5d\x00\x00", "lzma"},
	{"\x7fELF", "ELF executable"},
	{"MZ", ""},
	{"%!PS", "PostScript"},
	{"{\\rtf", "RTF document"},
	{"SQLite format 3\x00", "SQLite database"},
	{"ID3", "MP3 audio"},
	{"OggS", "Ogg media"},
	{"fLaC", "FLAC audio"},
	{"\x1aE\xdf\xa3", "Matroska/WebM video"},
	{"\xff\xfe", "UTF-16 text"},
	{"\xfe\xff", "UTF-16 text"},
}

// probePlainFormats recognises common plain formats by their magic numbers.
func probePlainFormats(b *Blob) (Result, bool) {
	h := b.Head
	for _, m := range plainMagics {
		if !hasPrefix(h, m.magic) || m.format == "" {
			continue
		}
		r := Result{Verdict: Plain, Format: m.format}
		if m.format == "UTF-16 text" || m.format == "RTF document" || m.format == "PostScript" {
			r.Text = true
		}
		return r, true
	}
	switch {
	case len(h) >= 12 && string(h[:4]) == "RIFF" && (string(h[8:12]) == "WEBP" || string(h[8:12]) == "WAVE" || string(h[8:12]) == "AVI "):
		return Result{Verdict: Plain, Format: "RIFF media (" + cstr(h[8:12]) + ")"}, true
	case len(h) >= 12 && string(h[4:8]) == "ftyp":
		return Result{Verdict: Plain, Format: "MP4/HEIF media"}, true
	case len(h) >= 26 && string(h[:2]) == "BM" && h[14] >= 12 && h[15] == 0 && h[16] == 0 && h[17] == 0:
		return Result{Verdict: Plain, Format: "BMP image"}, true
	case len(h) >= 64 && string(h[:2]) == "MZ":
		return Result{Verdict: Plain, Format: "Windows executable"}, true
	}
	return Result{}, false
}

// probeText recognises text (UTF-8, ASCII, Latin-1 with few control characters is
// not text: it falls to statistics and then to a raw scan).
func probeText(b *Blob) (Result, bool) {
	if LooksText(b.Head) {
		return Result{Verdict: Plain, Format: "text", Text: true}, true
	}
	return Result{}, false
}
