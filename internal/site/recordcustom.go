package site

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/voorbeeldstad/register/internal/opendata"
	"github.com/voorbeeldstad/register/internal/record"
)

// customFields compose the rows of the fields the table marks Custom, each
// from the field and the fields below it; what a func returns is empty when
// the record has nothing to show. A test holds the map to the table.
var customFields = map[string]func(*fieldCtx) pieces{
	"id":                func(c *fieldCtx) pieces { return pieces{{Code: c.r.ID}} },
	"capabilities":      capabilitiesValue,
	"organisation":      organisationValue,
	"legal_basis":       legalBasisValue,
	"dpia":              dpiaValue,
	"risks":             risksValue,
	"ai_act":            aiActValue,
	"retention":         retentionValue,
	"data_rights":       dataRightsValue,
	"open_data":         openDataValue,
	"security":          securityValue,
	"supplier":          supplierValue,
	"links":             linksValue,
	"quantity":          quantityValue,
	"location.point":    pointValue,
	"location.point_rd": pointRDValue,
	"location.polygon":  polygonValue,
	"location.mobile":   mobileValue,
	"signage":           signageValue,
	"minimisation":      minimisationValue,
	"vendor":            vendorValue,
	"source_code":       sourceCodeValue,
	"national_register": nationalRegisterValue,
}

// customSections are the Custom fields shown as a section of their own,
// titled by the field's label, after the section they belong to: id is the
// section's anchor, and show fills it in, or returns false when the page
// has none.
var customSections = map[string]struct {
	id   string
	show func(*fieldCtx, *recordSection) bool
}{
	"correction": {"fout-in-uw-gegevens", correctionSection},
}

// organisation: its name and type.
func organisationValue(c *fieldCtx) pieces {
	o := c.r.Organisation
	var p pieces
	p.stated(o.Name)
	if o.Type != "" {
		p.text(" (" + valueLabel(c.lang, "organisation.type", o.Type) + ")")
	}
	return p
}

func legalBasisValue(c *fieldCtx) pieces {
	lb := c.r.LegalBasis
	if lb == nil {
		return nil
	}
	var p pieces
	s := valueLabel(c.lang, "legal_basis.regime", lb.Regime)
	if lb.GDPRGround != "" {
		s += ": " + valueLabel(c.lang, "legal_basis.gdpr_ground", lb.GDPRGround)
	}
	p.text(s)
	p.paras(lb.Law)
	if record.Says(lb.OutsidePublicTask) {
		p.paras(fieldLabel(c.lang, "legal_basis.outside_public_task") + ": " + lb.OutsidePublicTask)
	}
	if lb.Boa != nil {
		p.paras(fieldLabel(c.lang, "legal_basis.boa") + ": " + yesNo(c.lang, *lb.Boa))
	}
	var links []piece
	for _, l := range lb.Links {
		lp, _ := linkTo(l, "")
		links = append(links, lp)
	}
	p.list(links)
	return p
}

func dpiaValue(c *fieldCtx) pieces {
	d := c.r.DPIA
	if d == nil {
		return nil
	}
	var p pieces
	p.text(valueLabel(c.lang, "dpia.status", d.Status))
	if d.Date != "" {
		p.text(", ")
		p.date(c.lang, d.Date)
	}
	switch {
	case c.r.IsWithheld("dpia.url"):
		// A DPIA that is not public says so where its link would be.
		p.text(" – " + t(c.lang, "withheld"))
	case d.URL != "":
		p.text(" – ")
		p.link(d.URL, t(c.lang, "col.link"))
	}
	p.paras(d.Reason)
	return p
}

func risksValue(c *fieldCtx) pieces {
	rk := c.r.Risks
	if rk == nil {
		return nil
	}
	var p pieces
	for _, part := range []struct{ path, text string }{
		{"risks.chilling_effect", rk.ChillingEffect}, {"risks.discrimination", rk.Discrimination},
		{"risks.stacking", rk.Stacking}, {"risks.mitigations", rk.Mitigations},
	} {
		if record.Says(part.text) && !c.r.IsWithheld(part.path) {
			p.para(fieldLabel(c.lang, part.path), true, pieces{{Lines: strings.Split(part.text, "\n")}})
		}
	}
	return p
}

func aiActValue(c *fieldCtx) pieces {
	a := c.r.AIAct
	if a == nil {
		return nil
	}
	var p pieces
	p.text(valueLabel(c.lang, "ai_act.category", a.Category))
	p.paras(a.Basis)
	part := func(path, v string) {
		var vp pieces
		vp.stated(v)
		p.para(fieldLabel(c.lang, path), false, vp)
	}
	part("ai_act.role", valueLabel(c.lang, "ai_act.role", a.Role))
	part("ai_act.annex_iii", a.AnnexIII)
	part("ai_act.annex_i", a.AnnexI)
	part("ai_act.exemption_6_3", a.Exemption)
	var duties []string
	for _, d := range a.Transparency {
		duties = append(duties, valueLabel(c.lang, "ai_act.transparency", d))
	}
	part("ai_act.transparency", strings.Join(duties, "; "))
	part("ai_act.literacy", a.Literacy)
	if a.FRIA != nil {
		var fp pieces
		fp.date(c.lang, a.FRIA.Date)
		fp.text(" ")
		fp.link(a.FRIA.URL, t(c.lang, "col.link"))
		p.para(fieldLabel(c.lang, "ai_act.fria"), false, fp)
	}
	part("ai_act.eu_database_id", a.EUDatabaseID)
	return p
}

func retentionValue(c *fieldCtx) pieces {
	var p pieces
	switch c.r.Retention {
	case "":
	case "not_stored":
		p.text(map[bool]string{true: "Not stored", false: "Wordt niet opgeslagen"}[c.lang == "en"])
	default:
		p.text(humanDuration(c.lang, c.r.Retention))
	}
	return p
}

func dataRightsValue(c *fieldCtx) pieces {
	d := c.r.DataRights
	if d == nil {
		return nil
	}
	s := valueLabel(c.lang, "data_rights.holder", d.Holder)
	if d.ResaleForbidden != nil && *d.ResaleForbidden {
		s += map[bool]string{true: "; resale forbidden", false: "; doorverkopen verboden"}[c.lang == "en"]
	}
	var p pieces
	p.text(s)
	return p
}

func openDataValue(c *fieldCtx) pieces {
	o := c.r.OpenData
	if o == nil {
		return nil
	}
	var p pieces
	p.link(o.URL, "")
	if o.Licence != "" {
		p.text(" (" + o.Licence + ")")
	}
	return p
}

func securityValue(c *fieldCtx) pieces {
	s := c.r.Security
	if s == nil {
		return nil
	}
	var p pieces
	if s.LastAudit != "" {
		var d pieces
		d.date(c.lang, s.LastAudit)
		p.para(fieldLabel(c.lang, "security.last_audit"), false, d)
	}
	if s.AuditURL != "" && !c.r.IsWithheld("security.audit_url") {
		var l pieces
		l.link(s.AuditURL, fieldLabel(c.lang, "security.audit_url"))
		p.para("", false, l)
	}
	if !c.r.IsWithheld("security.measures") {
		p.paras(s.Measures)
	}
	return p
}

func supplierValue(c *fieldCtx) pieces {
	s := c.r.Supplier
	if s == nil {
		return nil
	}
	var p pieces
	p.stated(s.Name)
	if s.ContractEnd != "" {
		var d pieces
		d.date(c.lang, s.ContractEnd)
		p.para(fieldLabel(c.lang, "supplier.contract_end"), false, d)
	}
	if len(s.Conditions) > 0 {
		p.para(fieldLabel(c.lang, "supplier.conditions"), false, pieces{{Text: strings.Join(s.Conditions, ", ")}})
	}
	return p
}

func linksValue(c *fieldCtx) pieces {
	if len(c.r.Links) == 0 {
		return nil
	}
	items := make([]piece, 0, len(c.r.Links))
	for i, l := range c.r.Links {
		lp, _ := linkTo(l.URL, l.Title)
		if lp.Link == nil && lp.Text != "" && c.r.IsWithheld("links."+strconv.Itoa(listIndex(c.r, "links", i))+".url") {
			// The title of a link whose address is not public says so.
			lp.Text += " (" + t(c.lang, "withheld") + ")"
		}
		items = append(items, lp)
	}
	return pieces{{List: items}}
}

// mapLink is the link to the sensor on the site's map.
func (c *fieldCtx) mapLink() piece {
	return piece{Link: &linkPiece{Href: c.b.mapRowURL(c.lang, c.root, c.r), Text: t(c.lang, "map"), Site: true}}
}

func pointValue(c *fieldCtx) pieces {
	pt := opendata.Position(c.r)
	if pt == nil {
		return nil
	}
	return pieces{{Text: fmt.Sprintf("%.6f, %.6f", pt.Lat, pt.Lon) + " ("}, c.mapLink(), {Text: ")"}}
}

func polygonValue(c *fieldCtx) pieces {
	if opendata.Polygon(c.r) == nil {
		return nil
	}
	return pieces{{Text: t(c.lang, "yes") + " ("}, c.mapLink(), {Text: ")"}}
}

func pointRDValue(c *fieldCtx) pieces {
	l := c.r.Location
	if l == nil || l.PointRD == nil || opendata.PositionWithheld(c.r) {
		return nil
	}
	return pieces{{Text: fmt.Sprintf("x %.0f, y %.0f", l.PointRD.X, l.PointRD.Y)}}
}

func mobileValue(c *fieldCtx) pieces {
	if c.r.Location == nil || !c.r.Location.Mobile {
		return nil
	}
	return pieces{{Text: t(c.lang, "yes")}}
}

func signageValue(c *fieldCtx) pieces {
	s := c.r.Signage
	if s == nil {
		return nil
	}
	var p pieces
	p.text(boolText(c.lang, s.Present))
	p.paras(s.Description)
	return p
}

func minimisationValue(c *fieldCtx) pieces {
	m := c.r.Minimisation
	if m == nil {
		return nil
	}
	var p pieces
	var items []piece
	for _, v := range m.Measures {
		items = append(items, piece{Text: valueLabel(c.lang, "minimisation.measures", v)})
	}
	p.list(items)
	p.paras(m.Notes)
	return p
}

// capabilities: what it can do, each marked as switched off where
// switched_off lists it (unless the record withholds switched_off).
func capabilitiesValue(c *fieldCtx) pieces {
	off := c.r.SwitchedOff
	if c.r.IsWithheld("switched_off") {
		off = nil
	}
	var items []piece
	for _, v := range c.r.Capabilities {
		s := valueLabel(c.lang, "capabilities", v)
		if slices.Contains(off, v) {
			s = tf(c.lang, "switchedoff", s)
		}
		items = append(items, piece{Text: s})
	}
	var p pieces
	p.list(items)
	return p
}

func vendorValue(c *fieldCtx) pieces {
	v := c.r.Vendor
	if v == nil {
		return nil
	}
	var parts []string
	for _, s := range []string{v.Manufacturer, v.Model, v.Country} {
		if record.Says(s) {
			parts = append(parts, s)
		}
	}
	var p pieces
	p.text(strings.Join(parts, ", "))
	return p
}

func sourceCodeValue(c *fieldCtx) pieces {
	sc := c.r.SourceCode
	if sc == nil {
		return nil
	}
	var p pieces
	if sc.URL != "" && !c.r.IsWithheld("source_code.url") {
		p.link(sc.URL, "")
	}
	if sc.Licence != "" {
		p.text(" (" + sc.Licence + ")")
	}
	p.paras(sc.UnavailableReason)
	return p
}

func nationalRegisterValue(c *fieldCtx) pieces {
	n := c.r.NationalRegister
	if n == nil {
		return nil
	}
	var p pieces
	p.link(n.URL, n.ID)
	return p
}

// quantityValue is the number of devices, or that it is not known where
// the quantity given is no count.
func quantityValue(c *fieldCtx) pieces {
	if n, ok := c.r.Devices(); ok {
		return pieces{{Text: strconv.Itoa(n)}}
	}
	return pieces{{Text: t(c.lang, "quantityunknown")}}
}
