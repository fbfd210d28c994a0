package principle

import (
	"net/mail"
	"strings"
	"testing"
)

// TestPlainMailboxAgreesWithNetMail compares the quick path of mailbox with
// net/mail on every short text over the bytes that matter to it, and on
// addresses as registers write them: where the quick path decides, it
// decides as net/mail does.
func TestPlainMailboxAgreesWithNetMail(t *testing.T) {
	slow := func(s string) bool {
		a, err := mail.ParseAddress(s)
		if err != nil || a.Address != s || a.Name != "" {
			return false
		}
		at := strings.LastIndexByte(s, '@')
		return at > 0 && strings.Contains(s[at+1:], ".") && !strings.HasSuffix(s, ".")
	}
	texts := []string{"cameratoezicht@voorbeeldstad.example", "Toezicht.Handhaving@Gemeente-X.NL", "a+b_c%d@x.y.z",
		"a@b", "a@b.", "a@.b", ".a@b.c", "a.@b.c", "a..b@c.d", "a@b..c", "@b.c", "a@", "a@b@c.d", "a@-b.c", "a@b-.c",
		"a@1.2", "ä@b.c", "a@bü.c", "a b@c.d", "\"a\"@b.c", "a@[1.2.3.4]", "Naam <a@b.c>", "a@b.c ", "(x)a@b.c", "a!#$&'*/=?^`{|}~@b.c"}
	const alphabet = "a.@-_+%Z é\"!"
	var gen func(prefix string, n int)
	gen = func(prefix string, n int) {
		texts = append(texts, prefix)
		if n == 0 {
			return
		}
		for i := range len(alphabet) {
			gen(prefix+alphabet[i:i+1], n-1)
		}
	}
	gen("", 4)
	for _, s := range texts {
		if valid, decided := plainMailbox(s); decided && valid != slow(s) {
			t.Errorf("plainMailbox(%q) = %v, net/mail says %v", s, valid, slow(s))
		}
	}
	for _, s := range []string{"cameratoezicht@voorbeeldstad.example", "a.b@c-d.nl", "a@b"} {
		if _, decided := plainMailbox(s); !decided {
			t.Errorf("plainMailbox(%q) leaves a plain address to net/mail", s)
		}
	}
}
