package packet

import (
	"strings"
	"testing"
)

// The packet lists every rule the configuration switched off or lowered,
// with where and why, in every format and in both editions; one that
// follows from law says the rule was checked anyway.
func TestPacketListsDeviations(t *testing.T) {
	t.Setenv("REGISTER_RULES_BREACH_REPORTED", "off")
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"register.yaml":      "rules:\n  security-audit: {severity: off, reason: De regio auditeert het netwerk.}\n",
		"sensors/lucht.yaml": sensor("lucht", "Luchtmeter", "air_quality", quietDates),
	})
	reg := loadRegister(t, dir)
	for _, public := range []bool{false, true} {
		p, err := Build(reg, nil, Options{Today: meeting, IDs: []string{"lucht"}, Public: public})
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range []Format{HTML, Markdown, PDF} {
			text := string(render(t, p, f))
			switch f {
			case PDF:
				pdftotextHas(t, []byte(text), []string{"Afwijkingen van de standaardinstellingen", "security-audit"}, nil)
				text = flat(strings.Join(pageTexts(t, []byte(text)), "\n"))
			case Markdown:
				text = strings.ReplaceAll(text, `\`, "") // REGISTER\_RULES\_...
			}
			for _, want := range []string{
				"Afwijkingen van de standaardinstellingen",
				"Beveiligingsaudit (security-audit): uitgezet (standaard: Waarschuwing). Ingesteld in register.yaml:2:3. Reden: De regio auditeert het netwerk.",
				"Ingesteld in REGISTER_RULES_BREACH_REPORTED. Reden: geen reden opgegeven. De regel volgt uit de wet (AVG art. 33 lid 1)",
			} {
				if !strings.Contains(text, want) && !strings.Contains(text, flat(want)) {
					t.Errorf("%s packet (public %v) lacks %q", f, public, want)
				}
			}
		}
	}
	// A register on its defaults says so.
	writeFiles(t, dir, map[string]string{"register.yaml": "organisation: Gemeente Test\n"})
	t.Setenv("REGISTER_RULES_BREACH_REPORTED", "")
	p, err := Build(loadRegister(t, dir), nil, Options{Today: meeting, IDs: []string{"lucht"}})
	if err != nil {
		t.Fatal(err)
	}
	if md := string(render(t, p, Markdown)); !strings.Contains(md, "De toets gebruikt de standaardinstellingen") {
		t.Error("a packet on the defaults does not say so")
	}
}
