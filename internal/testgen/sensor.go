package testgen

import (
	"fmt"
	"slices"

	"github.com/voorbeeldstad/register/internal/geo"
)

var mounts = []string{
	"op een lantaarnpaal",
	"aan de gevel van nummer 12",
	"op het dak van het wijkcentrum",
	"in een kast langs de weg",
	"onder de brug, aan de kademuur",
	"op een mast van 6 meter",
}

// sensor writes a sensor record.
func (g *gen) sensor() {
	k, p := g.h.sensor, g.h.place
	camera := k.typ == "camera" || k.typ == "anpr_camera"

	caps := g.capabilities(k)
	analyses := slices.Contains(caps, "image_analysis")
	personal := k.personal
	if personal == "no" && analyses {
		personal = "unknown" // 6.4: when in doubt, count it as personal data
	}

	o := municipality
	if g.pct(25) {
		o = g.sensorOperator(camera)
	}
	c := commonInfo{
		org:        o,
		personal:   personal,
		theme:      k.theme,
		name:       k.label + " " + p.name,
		summary:    g.sensorSummary(k, p),
		purpose:    pick(g, purposes),
		status:     g.status(),
		camera:     camera,
		highImpact: analyses || k.typ == "drone",
		interval:   pick(g, []string{"P2Y", "P3Y", "P4Y"}),
	}
	if camera || k.typ == "drone" {
		c.interval = "P1Y"
	}
	maxYears := 5
	if camera {
		maxYears = 2
	}
	g.lifecycle(&c, maxYears)

	d := &g.d
	g.writeCommon(&c, func() {
		d.str(0, "sensor_type", k.typ)
		if g.pct(50) {
			d.flow(0, "capabilities", caps)
		} else {
			d.open(0, "capabilities")
			for _, cp := range caps {
				d.itemStr(1, cp)
			}
		}
		if g.pct(25) {
			d.raw(0, "quantity", fmt.Sprint(2+g.r.IntN(11)))
		}
	})
	if g.pct(40) {
		d.open(0, "measures")
		for _, m := range k.measures {
			d.item(1)
			d.first("property", m[0])
			d.str(2, "unit", m[1])
			d.str(2, "frequency", m[2])
		}
	}
	g.location(k, p)
	g.safeguards(k, &c, analyses)
	g.tail(&c)
}

// capabilities are the kind's own capabilities and some of its extra ones.
func (g *gen) capabilities(k *sensorKind) []string {
	caps := slices.Clone(k.base)
	for _, c := range k.extra {
		if g.pct(40) {
			caps = append(caps, c)
		}
	}
	return caps
}

// safeguards writes what limits the sensor's reach: signage,
// minimisation, the vendor and, for image analysis, the AI Act.
func (g *gen) safeguards(k *sensorKind, c *commonInfo, analyses bool) {
	d := &g.d
	if c.camera || (c.personal != "no" && g.pct(80)) || g.pct(15) {
		d.open(0, "signage")
		d.boolean(1, "present", true)
		d.str(1, "description", pick(g, []string{
			"Bord met het doel en een link naar dit register.",
			"Sticker met QR-code naar het register.",
			"Borden ‘Hier cameratoezicht’ bij elke toegang.",
		}))
	}
	if c.camera || k.typ == "crowd_counter" || k.typ == "wifi_bluetooth_counter" || g.pct(20) {
		d.open(0, "minimisation")
		ms := []string{pick(g, []string{"privacy_masking", "on_device_processing", "aggregation_only"})}
		if g.pct(50) {
			if m := pick(g, []string{"low_resolution", "time_limited", "shutter"}); !slices.Contains(ms, m) {
				ms = append(ms, m)
			}
		}
		d.flow(1, "measures", ms)
		if g.pct(50) {
			d.str(1, "notes", "Ramen van woningen zijn zwart gemaakt.")
		}
	}
	if g.pct(50) {
		d.open(0, "vendor")
		d.str(1, "manufacturer", k.maker[0])
		d.str(1, "model", k.maker[1])
		d.str(1, "country", k.maker[2])
	}
	if analyses {
		d.open(0, "ai_act")
		d.str(1, "category", "minimal")
		d.str(1, "basis", "Telt alleen aantallen; herkent geen personen (AI-verordening, geen bijlage III).")
	}
}

// sensorOperator picks an operator other than the municipality; the police
// only operate cameras and drones.
func (g *gen) sensorOperator(camera bool) org {
	for {
		o := pick(g, orgs)
		if o.typ != "police" || camera || g.h.sensor.typ == "drone" {
			return o
		}
	}
}

// sensorSummaries says in a sentence what each sensor_type does.
var sensorSummaries = map[string]string{
	"camera":                 "Camera die de openbare ruimte filmt, zodat de meldkamer kan meekijken bij onrust.",
	"anpr_camera":            "Camera die kentekens leest bij de ingang van de milieuzone.",
	"air_quality":            "Meet fijnstof en stikstofdioxide in de lucht.",
	"odour":                  "Meet geur in de buurt van het bedrijventerrein.",
	"noise":                  "Meet hoe hard het geluid is, niet wat er gezegd wordt.",
	"traffic_counter":        "Telt fietsen en auto's die voorbijkomen.",
	"crowd_counter":          "Telt hoeveel mensen er lopen; slaat geen beelden op.",
	"wifi_bluetooth_counter": "Telt telefoons in de buurt om drukte te meten; volgt niemand.",
	"parking":                "Ziet of een parkeervak bezet is.",
	"water_level":            "Meet de waterstand in de gracht.",
	"weather":                "Meet temperatuur, wind en neerslag.",
	"waste_level":            "Meet hoe vol een ondergrondse container is.",
	"drone":                  "Drone die bij grote evenementen en branden beelden maakt voor de hulpdiensten.",
	"smart_lighting":         "Lantaarnpaal die feller brandt als er iemand langskomt.",
	"other":                  "Meet trillingen van de kademuur tijdens werkzaamheden.",
}

func (g *gen) sensorSummary(k *sensorKind, p *place) string {
	if g.pct(50) {
		return sensorSummaries[k.typ]
	}
	return sensorSummaries[k.typ] + " Locatie: " + p.name + "."
}

// location writes a fixed sensor's point (WGS84 or Rijksdriehoek) or a
// mobile sensor's area and polygon.
func (g *gen) location(k *sensorKind, p *place) {
	d := &g.d
	lat := centreLat + p.dLat + (g.r.Float64()-0.5)*0.0016
	lon := centreLon + p.dLon + (g.r.Float64()-0.5)*0.0024
	d.open(0, "location")
	if g.pct(k.mobile) {
		d.str(1, "description", "Wisselende plekken; zie het gebied.")
		withArea, withPolygon := g.pct(70), g.pct(70)
		if !withArea && !withPolygon {
			withPolygon = true
		}
		if withArea {
			d.str(1, "area", pick(g, areas))
		}
		if withPolygon {
			d.open(1, "polygon")
			for _, v := range g.polygon(lat, lon) {
				d.indent(2)
				d.b.WriteString("- [" + num(v[0], 6) + ", " + num(v[1], 6) + "]\n")
			}
		}
		d.boolean(1, "mobile", true)
		return
	}
	d.str(1, "description", p.name+", "+pick(g, mounts))
	if g.pct(30) {
		d.str(1, "area", pick(g, areas))
	}
	if g.pct(55) {
		d.open(1, "point")
		d.raw(2, "lat", num(lat, 6))
		d.raw(2, "lon", num(lon, 6))
		return
	}
	x, y := geo.WGS84ToRD(lat, lon)
	d.open(1, "point_rd")
	if g.pct(30) {
		d.raw(2, "x", num(x, 0))
		d.raw(2, "y", num(y, 0))
	} else {
		d.raw(2, "x", num(x, 2))
		d.raw(2, "y", num(y, 2))
	}
}
