package container

import (
	"bytes"
)

// probeSMIME recognises S/MIME messages: application/pkcs7-mime bodies are decoded
// and read as CMS (enveloped = encrypted, signed-data = not); multipart/signed is a
// signed, readable message.
func probeSMIME(b *Blob) (Result, bool) {
	h := b.Head
	hdrEnd := bytes.Index(h, []byte("\n\n"))
	if i := bytes.Index(h, []byte("\r\n\r\n")); i >= 0 && (hdrEnd < 0 || i < hdrEnd) {
		hdrEnd = i
	}
	if hdrEnd < 0 || hdrEnd > 8<<10 {
		return Result{}, false
	}
	lower := bytes.ToLower(h[:hdrEnd])
	if !bytes.Contains(lower, []byte("mime-version:")) && !bytes.Contains(lower, []byte("content-type:")) {
		return Result{}, false
	}
	switch {
	case bytes.Contains(lower, []byte("pkcs7-mime")):
		der := decodeArmorBody(h[hdrEnd:])
		if r, ok := parseDER(der); ok {
			if r.Format == FormatCMSEnveloped {
				r.Format = FormatSMIME
			}
			if r.Verdict == Plain {
				r.Content = ContentMail // a signed message: its MIME parts are read
			}
			return r, true
		}
		if bytes.Contains(lower, []byte("enveloped-data")) {
			return Result{Verdict: Encrypted, Format: FormatSMIME}, true
		}
		return Result{}, false
	case bytes.Contains(lower, []byte("multipart/signed")):
		return Result{Verdict: Plain, Format: FormatSMIMESigned, Notes: []Note{NoteSigned}, Content: ContentMail}, true
	}
	return Result{}, false
}
