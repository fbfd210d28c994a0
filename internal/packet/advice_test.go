package packet

import (
	"bytes"
	"strings"
	"testing"
)

// The packet lists the ethics committee's advice that waits for a response,
// with how long, in every format; the public edition leaves out what is not
// public.
func TestOpenAdvice(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"register.yaml": "organisation: Gemeente Testdorp\nadvice: {response_term: P2M}\n",
		"sensors/lucht.yaml": sensor("lucht", "Luchtmeter", "air_quality", "reviews:",
			"  - {body: ethics_committee, date: 2026-10-01, asked: true, summary: Meet ook stikstof.}",
			"  - {body: ethics_committee, date: 2026-02-01, asked: false, summary: Stop na een jaar., url: \"https://testdorp.example/advies-2\"}",
			"  - {body: ethics_committee, date: 2025-01-01, response: {date: 2025-02-01, summary: Overgenomen.}}",
			"  - {body: audit_office, date: 2024-01-01}"),
		"sensors/geheim.yaml": sensor("geheim", "Camera bij de kluis", "camera", "reviews:",
			"  - {body: ethics_committee, date: 2026-03-01}", "publication: {public: false, reason: Woo 5.1 lid 2 onder h}"),
		"sensors/deels.yaml": sensor("deels", "Geluidmeter", "noise", "reviews:",
			"  - {body: ethics_committee, date: 2026-03-01}", "publication: {withheld: [reviews], reason: Woo 5.1 lid 2 onder i}"),
	})
	reg := loadRegister(t, dir)
	tests := []struct {
		name   string
		public bool
		lang   string
		want   []string
		absent []string
	}{
		{"internal, Dutch", false, "nl", []string{
			"Geluidmeter (deels): advies van 1 maart 2026, wacht 268 dagen op een reactie, langer dan de termijn van 2 maanden. [niet openbaar]",
			"Camera bij de kluis (geheim): advies van 1 maart 2026, wacht 268 dagen op een reactie, langer dan de termijn van 2 maanden. [niet openbaar]",
			"Luchtmeter (lucht): gevraagd advies van 1 oktober 2026, wacht 54 dagen op een reactie. Advies: Meet ook stikstof.",
			"Luchtmeter (lucht): ongevraagd advies van 1 februari 2026, wacht 296 dagen op een reactie, langer dan de termijn van 2 maanden. Advies: Stop na een jaar. https://testdorp.example/advies-2",
		}, []string{"Overgenomen", "2024"}},
		{"public, English", true, "en", []string{
			"Luchtmeter (lucht): asked advice of 1 October 2026, waiting 54 days for a response. Advice: Meet ook stikstof.",
			"Luchtmeter (lucht): unasked advice of 1 February 2026, waiting 296 days for a response, longer than the term of 2 months.",
		}, []string{"geheim", "kluis", "deels"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Build(reg, nil, Options{Today: meeting, Lang: tt.lang, Public: tt.public})
			if err != nil {
				t.Fatal(err)
			}
			if len(p.OpenAdvice) != len(tt.want) {
				t.Fatalf("open advice %q, want %d", p.OpenAdvice, len(tt.want))
			}
			for i, w := range tt.want {
				if !strings.HasPrefix(p.OpenAdvice[i], w) {
					t.Errorf("advice %d = %q, want it to start %q", i, p.OpenAdvice[i], w)
				}
			}
			for _, a := range tt.absent {
				if strings.Contains(strings.Join(p.OpenAdvice, "\n"), a) {
					t.Errorf("the open advice shows %q", a)
				}
			}
			for _, f := range []Format{HTML, Markdown, PDF} {
				var buf bytes.Buffer
				if err := Render(&buf, p, f); err != nil {
					t.Fatal(err)
				}
				text := buf.String()
				if f == PDF {
					text = flat(strings.Join(pageTexts(t, buf.Bytes()), " "))
				}
				if !strings.Contains(text, p.AdviceTitle()) || !strings.Contains(text, "Meet ook stikstof") {
					t.Errorf("%s lacks the open advice", f)
				}
			}
		})
	}
}
