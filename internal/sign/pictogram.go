package sign

import (
	"math"
	"slices"

	"github.com/signintech/gopdf"

	"github.com/voorbeeldstad/register/internal/label"
	"github.com/voorbeeldstad/register/internal/record"
)

// Pictogram is one symbol of what a sensor senses and does, in the spirit of
// the DTPR taxonomy (Digital Trust for Places and Routines): a small open
// set a resident learns once and recognises on every sign. A new one is a
// row in Pictograms with its drawing.
type Pictogram struct {
	ID string
	// Label names it under the symbol.
	Label label.Text
	// Title heads a sign whose first pictogram it is.
	Title label.Text
	// applies reports whether the sensor senses or does this.
	applies func(*record.Record) bool
	// draw draws the symbol in black in the square at (x, y) of size s.
	draw func(pdf *gopdf.GoPdf, x, y, s float64)
}

// Pictograms lists the symbols in the order a sign shows them: what the
// sensor captures of people first.
var Pictograms = []Pictogram{
	{ID: "anpr", Label: label.Text{"Kentekens", "Number plates"}, Title: label.Text{"Kentekencamera", "Number plate camera"},
		applies: func(r *record.Record) bool {
			return r.SensorType == "anpr_camera" || r.Has("licence_plate_recognition")
		}, draw: drawPlate},
	{ID: "camera", Label: label.Text{"Camera", "Camera"}, Title: label.Text{"Cameratoezicht", "Camera surveillance"},
		applies: func(r *record.Record) bool {
			return r.SensorType == "camera" || r.SensorType == "drone" ||
				r.Has("video_recording") || r.Has("live_viewing") || r.Has("image_analysis")
		}, draw: drawCamera},
	{ID: "wifi", Label: label.Text{"Wifi en bluetooth", "Wi-Fi and Bluetooth"}, Title: label.Text{"Wifi- en bluetoothtellers", "Wi-Fi and Bluetooth counters"},
		applies: func(r *record.Record) bool {
			return r.SensorType == "wifi_bluetooth_counter" || r.Has("device_tracking")
		}, draw: drawWifi},
	{ID: "sound", Label: label.Text{"Geluid", "Sound"}, Title: label.Text{"Geluidsmeting", "Sound measurement"},
		applies: func(r *record.Record) bool {
			return r.SensorType == "noise" || r.Has("audio_recording") || r.Has("sound_level")
		}, draw: drawSound},
	{ID: "counting", Label: label.Text{"Tellen", "Counting"}, Title: label.Text{"Hier wordt geteld", "Counting in progress"},
		applies: func(r *record.Record) bool {
			return r.SensorType == "crowd_counter" || r.SensorType == "traffic_counter" ||
				r.Has("people_counting") || r.Has("vehicle_counting")
		}, draw: drawCounting},
	{ID: "measuring", Label: label.Text{"Meten", "Measuring"}, Title: label.Text{"Hier wordt gemeten", "Measuring in progress"},
		applies: func(r *record.Record) bool { return true }, draw: drawGauge},
}

// For returns the pictograms of a sensor, in the order of Pictograms. The
// last, measuring, stands for a sensor no other symbol describes.
func For(r *record.Record) []Pictogram {
	var out []Pictogram
	for _, p := range Pictograms[:len(Pictograms)-1] {
		if p.applies(r) {
			out = append(out, p)
		}
	}
	if len(out) == 0 {
		out = append(out, Pictograms[len(Pictograms)-1])
	}
	return out
}

// IDs returns the ids of pictograms.
func IDs(ps []Pictogram) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.ID)
	}
	return slices.Clip(out)
}

// circle draws a circle as a polygon, filled ("F") or outlined ("D").
func circle(pdf *gopdf.GoPdf, cx, cy, r float64, style string) {
	arc(pdf, cx, cy, r, 0, 2*math.Pi, style)
}

// arc draws the arc of a circle from angle a to b (radians, clockwise on
// the page from the positive x axis) as a polygon or, with style "", as
// line segments.
func arc(pdf *gopdf.GoPdf, cx, cy, r, a, b float64, style string) {
	const steps = 40
	var pts []gopdf.Point
	for i := 0; i <= steps; i++ {
		t := a + (b-a)*float64(i)/steps
		pts = append(pts, gopdf.Point{X: cx + r*math.Cos(t), Y: cy + r*math.Sin(t)})
	}
	if style != "" {
		pdf.Polygon(pts, style)
		return
	}
	for i := 1; i < len(pts); i++ {
		pdf.Line(pts[i-1].X, pts[i-1].Y, pts[i].X, pts[i].Y)
	}
}

func drawCamera(pdf *gopdf.GoPdf, x, y, s float64) {
	// A camera on a wall bracket, looking left and down.
	_ = pdf.Rectangle(x+0.18*s, y+0.30*s, x+0.78*s, y+0.58*s, "F", 0.04*s, 4)
	pdf.Polygon([]gopdf.Point{{X: x + 0.18*s, Y: y + 0.36*s}, {X: x + 0.06*s, Y: y + 0.30*s}, {X: x + 0.06*s, Y: y + 0.64*s}, {X: x + 0.18*s, Y: y + 0.52*s}}, "F")
	_ = pdf.Rectangle(x+0.62*s, y+0.58*s, x+0.70*s, y+0.76*s, "F", 0, 0)
	_ = pdf.Rectangle(x+0.56*s, y+0.76*s, x+0.94*s, y+0.84*s, "F", 0, 0)
	pdf.SetFillColor(255, 255, 255)
	circle(pdf, x+0.66*s, y+0.44*s, 0.05*s, "F")
	pdf.SetFillColor(0, 0, 0)
}

func drawPlate(pdf *gopdf.GoPdf, x, y, s float64) {
	// A small camera above a number plate.
	drawCamera(pdf, x+0.2*s, y-0.06*s, 0.6*s)
	_ = pdf.Rectangle(x+0.06*s, y+0.56*s, x+0.94*s, y+0.86*s, "D", 0.04*s, 4)
	_ = pdf.Rectangle(x+0.06*s, y+0.56*s, x+0.16*s, y+0.86*s, "F", 0, 0)
	for i := range 5 {
		bx := x + (0.24+0.13*float64(i))*s
		_ = pdf.Rectangle(bx, y+0.63*s, bx+0.08*s, y+0.79*s, "F", 0, 0)
	}
}

func drawWifi(pdf *gopdf.GoPdf, x, y, s float64) {
	cx, cy := x+0.5*s, y+0.78*s
	circle(pdf, cx, cy, 0.07*s, "F")
	for _, r := range []float64{0.22, 0.40, 0.58} {
		arc(pdf, cx, cy, r*s, -math.Pi*3/4, -math.Pi/4, "")
	}
}

func drawSound(pdf *gopdf.GoPdf, x, y, s float64) {
	// A microphone with sound waves on both sides.
	_ = pdf.Rectangle(x+0.40*s, y+0.14*s, x+0.60*s, y+0.56*s, "F", 0.1*s, 8)
	arc(pdf, x+0.5*s, y+0.50*s, 0.18*s, 0, math.Pi, "")
	pdf.Line(x+0.5*s, y+0.68*s, x+0.5*s, y+0.84*s)
	pdf.Line(x+0.36*s, y+0.84*s, x+0.64*s, y+0.84*s)
	for _, r := range []float64{0.26, 0.38} {
		arc(pdf, x+0.5*s, y+0.36*s, r*s, -math.Pi/5, math.Pi/5, "")
		arc(pdf, x+0.5*s, y+0.36*s, r*s, math.Pi*4/5, math.Pi*6/5, "")
	}
}

func drawCounting(pdf *gopdf.GoPdf, x, y, s float64) {
	// Three people, the last with a tally mark.
	for i := range 3 {
		px := x + (0.2+0.25*float64(i))*s
		circle(pdf, px, y+0.36*s, 0.08*s, "F")
		_ = pdf.Rectangle(px-0.09*s, y+0.47*s, px+0.09*s, y+0.78*s, "F", 0.05*s, 4)
	}
	pdf.Line(x+0.14*s, y+0.88*s, x+0.86*s, y+0.88*s)
	for _, t := range []float64{0.2, 0.45, 0.7} {
		pdf.Line(x+t*s, y+0.84*s, x+t*s, y+0.92*s)
	}
}

func drawGauge(pdf *gopdf.GoPdf, x, y, s float64) {
	// A meter: a dial with a needle.
	arc(pdf, x+0.5*s, y+0.62*s, 0.38*s, math.Pi, 2*math.Pi, "")
	pdf.Line(x+0.12*s, y+0.62*s, x+0.88*s, y+0.62*s)
	for _, a := range []float64{1.1, 1.3, 1.5, 1.7, 1.9} {
		t := a * math.Pi
		pdf.Line(x+0.5*s+0.30*s*math.Cos(t), y+0.62*s+0.30*s*math.Sin(t), x+0.5*s+0.38*s*math.Cos(t), y+0.62*s+0.38*s*math.Sin(t))
	}
	pdf.Line(x+0.5*s, y+0.62*s, x+0.5*s+0.28*s*math.Cos(1.7*math.Pi), y+0.62*s+0.28*s*math.Sin(1.7*math.Pi))
	circle(pdf, x+0.5*s, y+0.62*s, 0.04*s, "F")
}
