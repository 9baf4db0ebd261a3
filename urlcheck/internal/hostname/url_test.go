package hostname

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		in                            string
		scheme, host, uni, port, path string
		user                          bool
	}{
		{in: "https://www.ameli.fr/assure", scheme: "https", host: "www.ameli.fr", path: "/assure"},
		{in: "  HTTPS://IMPOTS.GOUV.FR./  ", scheme: "https", host: "impots.gouv.fr", path: "/"},
		{in: "https://impots.gouv.fr:443/x?q=ants-gouv.fr#frag", scheme: "https", host: "impots.gouv.fr", path: "/x"},
		{in: "http://caf.fr:80", scheme: "http", host: "caf.fr"},
		{in: "http://caf.fr:8080/", scheme: "http", host: "caf.fr", port: "8080", path: "/"},
		{in: "www.ameli.fr/assure", host: "www.ameli.fr", path: "/assure"},
		{in: "//ants.gouv.fr/", host: "ants.gouv.fr", path: "/"},
		{in: "ants.gouv.fr:443", host: "ants.gouv.fr"},
		{in: "<https://caf.fr>", scheme: "https", host: "caf.fr"},
		{in: "https://user:secret@evil.example/x", scheme: "https", host: "evil.example", path: "/x", user: true},
		{in: "https://ameli.fr@evil.example", scheme: "https", host: "evil.example", user: true},
		{in: `https://evil.example\@ameli.fr`, scheme: "https", host: "evil.example", path: "/@ameli.fr"},
		{in: "https://xn--meli-43d.fr/", scheme: "https", host: "xn--meli-43d.fr", uni: "аmeli.fr", path: "/"},
		{in: "https://аmeli.fr/", scheme: "https", host: "xn--meli-43d.fr", uni: "аmeli.fr", path: "/"},
		{in: "https://IMPÔTS.gouv.fr", scheme: "https", host: "xn--impts-8ta.gouv.fr", uni: "impôts.gouv.fr"},
		{in: "https://ameli．fr", scheme: "https", host: "ameli.fr"},
		{in: "https:///ameli.fr/x", scheme: "https", host: "ameli.fr", path: "/x"},
		{in: "https://%61meli.fr", scheme: "https", host: "ameli.fr"},
		{in: "http://192.168.0.1/login", scheme: "http", host: "192.168.0.1", path: "/login"},
		{in: "http://3232235521/", scheme: "http", host: "192.168.0.1", path: "/"},
		{in: "http://0x7f.1/", scheme: "http", host: "127.0.0.1", path: "/"},
		{in: "http://[2001:DB8::1]:8080/", scheme: "http", host: "2001:db8::1", port: "8080", path: "/"},
		{in: "https://under_score.example.com", scheme: "https", host: "under_score.example.com"},
		{in: "https://ameli--remboursement.com", scheme: "https", host: "ameli--remboursement.com"},
		{in: "hxxps://ants-gouv[.]fr/carte-grise", scheme: "https", host: "ants-gouv.fr", path: "/carte-grise"},
		{in: "hXXp://impots(.)gouv[.]fr", scheme: "http", host: "impots.gouv.fr"},
	} {
		t.Run(tc.in, func(t *testing.T) {
			u, err := Parse(tc.in)
			require.NoError(t, err)
			assert.Equal(t, tc.scheme, u.Scheme)
			assert.Equal(t, tc.host, u.Host)
			uni := tc.uni
			if uni == "" {
				uni = tc.host
			}
			assert.Equal(t, uni, u.Unicode)
			assert.Equal(t, tc.port, u.Port)
			assert.Equal(t, tc.path, u.Path)
			assert.Equal(t, tc.user, u.Userinfo)
			again, err := Parse(u.String())
			require.NoError(t, err)
			u.Userinfo, u.User = false, "" // String never shows the userinfo: it may hold a password
			assert.Equal(t, u, again, "idempotent")
		})
	}
}

func TestParseErrors(t *testing.T) {
	long := make([]byte, MaxLen+1)
	for i := range long {
		long[i] = 'a'
	}
	for _, tc := range []struct {
		in   string
		want error
	}{
		{"", ErrEmpty},
		{"   ", ErrEmpty},
		{string(long), ErrTooLong},
		{"ftp://ameli.fr", ErrScheme},
		{"javascript://alert(1)", ErrScheme},
		{"https://", ErrHost},
		{"https://ameli..fr", ErrHost},
		{"https://ameli.fr..", ErrHost},
		{"https://ameli.fr:http", ErrPort},
		{"https://ameli.fr:99999", ErrPort},
		{"https://%zzmeli.fr", ErrEncoding},
		{"https://[::1", ErrHost},
		{"http://1.2.3.4.5/", ErrHost},
		{"http://256.1.1.1/", ErrHost},
		{"https://a%2fb.fr", ErrHost},
	} {
		_, err := Parse(tc.in)
		assert.True(t, errors.Is(err, tc.want), "%.40q: got %v, want %v", tc.in, err, tc.want)
	}
}
