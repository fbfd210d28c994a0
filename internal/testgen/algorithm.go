package testgen

import (
	"slices"
)

// algorithm writes an algorithm record.
func (g *gen) algorithm() {
	a := g.h.algo
	self := a.typ == "machine_learning" && g.pct(25)
	category := publicationCategory(a)
	if category == "other" && g.pct(10) {
		category = "impactful" // a municipality may publish more than it must
	}
	o := municipality
	if g.pct(10) {
		o = orgs[1] // the province runs a few regional algorithms
	}
	c := commonInfo{
		org:        o,
		personal:   a.personal,
		theme:      a.theme,
		name:       a.name,
		summary:    a.summary,
		purpose:    pick(g, purposes),
		status:     g.status(),
		highImpact: category != "other",
		interval:   pick(g, []string{"P1Y", "P2Y", "P4Y"}),
	}
	if self {
		c.interval = "P6M" // 3.5: a self-learning system is evaluated more often
	}
	g.lifecycle(&c, 5)

	d := &g.d
	g.writeCommon(&c, func() {
		d.str(0, "algorithm_type", a.typ)
		d.str(0, "role", a.role)
		d.boolean(0, "affects_individuals", a.affects)
		d.str(0, "publication_category", category)
		d.boolean(0, "self_learning", self)
	})
	g.workings(a)
	g.openness(a, &c)
	g.tail(&c)
}

// workings writes how the algorithm works and who watches it: human
// oversight, the explanation and the datasets it uses.
func (g *gen) workings(a *algorithmKind) {
	d := &g.d
	switch {
	case a.affects && g.pct(30):
		d.block(0, "human_oversight", []string{
			"Een medewerker beoordeelt elke uitkomst en kan die altijd aanpassen.",
			"Steekproefsgewijs controleert een tweede medewerker of dat goed gaat.",
		})
	case a.affects || g.pct(20):
		d.str(0, "human_oversight", "Een medewerker beoordeelt elke uitkomst en kan die aanpassen.")
	}
	if a.affects || g.pct(40) {
		d.str(0, "explanation", "Wat meetelt: "+joinDatasets(a.datasets)+". Leeftijd en nationaliteit tellen niet mee.")
	}
	d.open(0, "datasets")
	for _, name := range a.datasets {
		d.item(1)
		d.first("name", name)
		if g.pct(30) {
			d.str(2, "source", pick(g, []string{"Gemeente Voorbeeldstad", "Rijksoverheid", "Kadaster", "CBS"}))
		}
		if g.pct(20) {
			d.str(2, "description", "Actuele gegevens, dagelijks bijgewerkt; alleen de velden die nodig zijn.")
		}
		if g.pct(60) {
			d.boolean(2, "personal_data", a.personal != "no")
		}
		if g.pct(15) {
			d.str(2, "url", "https://data.voorbeeldstad.example/dataset/"+slugOf(name))
		}
	}
}

// openness writes what residents can look into or act on: source code,
// objection, the sensors used, the national register and the AI Act.
func (g *gen) openness(a *algorithmKind, c *commonInfo) {
	d := &g.d
	d.open(0, "source_code")
	if g.pct(60) {
		d.str(1, "url", "https://code.voorbeeldstad.example/algoritmes/"+g.h.id)
		d.str(1, "licence", "EUPL-1.2")
	} else {
		d.str(1, "unavailable_reason", pick(g, []string{
			"Ingekochte software; de leverancier geeft de broncode niet vrij.",
			"Publicatie helpt fraudeurs de controle te omzeilen (Woo art. 5.1).",
		}))
	}
	if a.affects {
		d.str(0, "objection", "Bezwaar maken kan binnen zes weken, zie voorbeeldstad.example/bezwaar.")
	}
	if ids := g.usedSensors(); len(ids) > 0 {
		d.open(0, "uses_sensors")
		for _, id := range ids {
			d.itemStr(1, id)
		}
	}
	if g.pct(25) {
		d.open(0, "national_register")
		d.str(1, "id", "gm0344-"+g.h.id)
		d.str(1, "url", "https://algoritmes.overheid.example/nl/algoritme/gm0344-"+g.h.id)
	}
	if a.aiCategory != "not_ai" || g.pct(50) {
		d.open(0, "ai_act")
		d.str(1, "category", a.aiCategory)
		switch a.aiCategory {
		case "high_risk":
			d.str(1, "basis", "Bijlage III, punt 5 onder a: toegang tot essentiële overheidsdiensten en uitkeringen.")
			d.open(1, "fria")
			g.dateField(2, "date", c.start.AddDate(0, -2, 0))
			d.str(2, "url", g.url("documenten/fria"))
			d.str(1, "eu_database_id", "EU-AI-"+slugOf(a.prefix))
		case "not_ai":
			d.str(1, "basis", "Vaste regels, door mensen opgesteld.")
		}
	}
}

// publicationCategory follows the rule of the record format:
// high_risk_ai exactly when the AI Act category is high_risk, and never
// other when the algorithm affects individuals and decides, predicts or
// profiles.
func publicationCategory(a *algorithmKind) string {
	switch {
	case a.aiCategory == "high_risk":
		return "high_risk_ai"
	case a.affects && a.role != "informational":
		return "impactful"
	}
	return "other"
}

// usedSensors names up to three sensors with a smaller index, so the
// register up to this record is consistent.
func (g *gen) usedSensors() []string {
	if g.i < 2 || !g.pct(35) {
		return nil
	}
	var ids []string
	for range 1 + g.r.IntN(3) {
		j := g.r.IntN(g.i)
		if KindOf(j) != KindSensor {
			j-- // the record before an algorithm is always a sensor
		}
		if id := ID(j, g.seed); !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	return ids
}

func joinDatasets(names []string) string {
	s := ""
	for i, n := range names {
		switch {
		case i == 0:
		case i == len(names)-1:
			s += " en "
		default:
			s += ", "
		}
		s += "gegevens uit " + n
	}
	return s
}

// slugOf makes a slug of a Dutch name: lower case, diacritics dropped, the
// ĳ ligature spelled out, anything else a hyphen.
func slugOf(s string) string {
	out := make([]byte, 0, len(s))
	dash := false
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			out = append(out, byte(r))
			dash = false
		case r >= 'A' && r <= 'Z':
			out = append(out, byte(r-'A'+'a'))
			dash = false
		case r == 'ĳ' || r == 'Ĳ':
			out = append(out, 'i', 'j')
			dash = false
		default:
			if b, ok := fold[r]; ok {
				out = append(out, b)
				dash = false
			} else if !dash && len(out) > 0 {
				out = append(out, '-')
				dash = true
			}
		}
	}
	if dash {
		out = out[:len(out)-1]
	}
	return string(out)
}

var fold = map[rune]byte{
	'é': 'e', 'ë': 'e', 'è': 'e', 'ê': 'e', 'É': 'e',
	'ï': 'i', 'í': 'i', 'ö': 'o', 'ó': 'o', 'ô': 'o',
	'ü': 'u', 'ú': 'u', 'á': 'a', 'à': 'a', 'ä': 'a', 'ç': 'c',
}
