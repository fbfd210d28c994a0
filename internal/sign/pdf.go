package sign

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/signintech/gopdf"
	qrcode "github.com/skip2/go-qrcode"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/goregular"

	"github.com/voorbeeldstad/register/internal/label"
)

// Paper is a sheet size in points.
type Paper struct {
	Name string
	W, H float64
}

// The sizes a sign is printed on: A4 for a pole or a wall, A5 for a door or
// a small post.
var (
	A4 = Paper{"a4", 595.28, 841.89}
	A5 = Paper{"a5", 419.53, 595.28}
)

// Papers lists the sizes by name.
var Papers = map[string]Paper{"a4": A4, "a5": A5}

const (
	fontRegular = "regular"
	fontBold    = "bold"
	fontItalic  = "italic"
)

// band is the sign's colour: dark blue, the colour of Dutch government
// signage, with white text.
var band = [3]uint8{0x15, 0x42, 0x73}

// Write writes one page per sign on the paper, as a PDF.
func Write(w io.Writer, signs []*Sign, paper Paper) error {
	pdf := &gopdf.GoPdf{}
	pdf.Start(gopdf.Config{PageSize: gopdf.Rect{W: paper.W, H: paper.H}, Unit: gopdf.UnitPT})
	for _, f := range []struct {
		name string
		data []byte
	}{{fontRegular, goregular.TTF}, {fontBold, gobold.TTF}, {fontItalic, goitalic.TTF}} {
		if err := pdf.AddTTFFontData(f.name, f.data); err != nil {
			return fmt.Errorf("sign font %s: %w", f.name, err)
		}
	}
	pdf.SetInfo(gopdf.PdfInfo{Title: "Sensorbord", Creator: "register sign", Producer: "register sign (gopdf)"})
	for _, s := range signs {
		if err := page(pdf, s, paper); err != nil {
			return fmt.Errorf("sign %s: %w", s.ID, err)
		}
	}
	var buf bytes.Buffer
	if _, err := pdf.WriteTo(&buf); err != nil {
		return fmt.Errorf("write sign PDF: %w", err)
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// layout draws on one page, scaled from A4 by k, and remembers the first
// error.
type layout struct {
	pdf *gopdf.GoPdf
	k   float64 // scale: 1 on A4
	x   float64 // left margin
	w   float64 // text width
	y   float64 // where the next line goes
	err error
}

// text writes wrapped lines in a font and size (in A4 points) and moves down.
func (l *layout) text(font string, size float64, s string, lead float64) {
	if l.err != nil || strings.TrimSpace(s) == "" {
		return
	}
	if l.err = l.pdf.SetFont(font, "", size*l.k); l.err != nil {
		return
	}
	lines, err := l.pdf.SplitTextWithWordWrap(s, l.w)
	if err != nil {
		l.err = err
		return
	}
	for _, line := range lines {
		l.pdf.SetXY(l.x, l.y)
		if l.err = l.pdf.Text(line); l.err != nil {
			return
		}
		l.y += size * l.k * lead
	}
}

// pair writes a Dutch text and, when the sign speaks English, the English
// one under it in italic.
func (l *layout) pair(s *Sign, font string, size float64, nl, en string) {
	l.text(font, size, nl, 1.25)
	if s.English && en != "" {
		l.text(fontItalic, size*0.8, en, 1.25)
	}
}

// page draws the sign on a page of its own: the band with the title, the
// pictograms, the facts, and the QR code at the foot.
func page(pdf *gopdf.GoPdf, s *Sign, paper Paper) error {
	pdf.AddPage()
	k := paper.W / A4.W
	margin := 40 * k
	l := &layout{pdf: pdf, k: k, x: margin, w: paper.W - 2*margin}
	l.band(s, paper)
	if err := l.pictograms(s); err != nil {
		return err
	}
	if err := l.facts(s); err != nil {
		return err
	}
	return l.qrFoot(s, paper)
}

// band draws the band with the title of the first pictogram.
func (l *layout) band(s *Sign, paper Paper) {
	pdf, k := l.pdf, l.k
	pdf.SetFillColor(band[0], band[1], band[2])
	pdf.RectFromUpperLeftWithStyle(0, 0, paper.W, 110*k, "F")
	pdf.SetTextColor(255, 255, 255)
	l.y = 52 * k
	first := s.Pictograms[0]
	l.text(fontBold, 34, first.Title.In("nl"), 1.1)
	if s.English {
		l.text(fontItalic, 18, first.Title.In("en"), 1.2)
	}
	pdf.SetTextColor(0, 0, 0)
}

// pictograms draws the pictograms, each in a frame with its name, in rows
// across the page, and moves below them.
func (l *layout) pictograms(s *Sign) error {
	pdf, k, margin := l.pdf, l.k, l.x
	size := 110 * k
	gap := 18 * k
	per := max(1, int((l.w+gap)/(size+gap)))
	top := 138 * k
	pdf.SetLineWidth(4 * k)
	pdf.SetStrokeColor(0, 0, 0)
	pdf.SetFillColor(0, 0, 0)
	rows := 0
	for i, p := range s.Pictograms {
		col, row := i%per, i/per
		rows = row + 1
		px := margin + float64(col)*(size+gap)
		py := top + float64(row)*(size+44*k)
		pdf.SetLineWidth(3 * k)
		if err := pdf.Rectangle(px, py, px+size, py+size, "D", 10*k, 6); err != nil {
			return err
		}
		pdf.SetLineWidth(5 * k)
		p.draw(pdf, px+12*k, py+12*k, size-24*k)
		sub := &layout{pdf: pdf, k: k, x: px, w: size + gap, y: py + size + 15*k}
		sub.text(fontBold, 11, p.Label.In("nl"), 1.2)
		if s.English {
			sub.text(fontItalic, 9, p.Label.In("en"), 1.2)
		}
		if sub.err != nil {
			return sub.err
		}
	}
	l.y = top + float64(rows)*(size+44*k) + 16*k
	return nil
}

// facts writes who watches, why and for how long the images are kept, after
// the legal basis of camera surveillance for public order.
func (l *layout) facts(s *Sign) error {
	k := l.k
	if s.PublicOrder {
		l.pair(s, fontBold, 13, "Cameratoezicht door de burgemeester, op grond van artikel 151c van de Gemeentewet.",
			"Camera surveillance by the mayor under article 151c of the Municipalities Act.")
		l.y += 8 * k
	}
	// A value in Dutch only has no English to add under it.
	field := func(name, value label.Text) {
		l.text(fontBold, 10, strings.ToUpper(name.In("nl"))+map[bool]string{true: " · " + strings.ToUpper(name.In("en"))}[s.English], 1.4)
		l.text(fontRegular, 15, value.In("nl"), 1.25)
		if en := value.In("en"); s.English && en != "" && en != value.In("nl") {
			l.text(fontItalic, 12, en, 1.25)
		}
		l.y += 8 * k
	}
	field(label.Text{"Wie", "Operator"}, label.Text{s.Operator, ""})
	field(label.Text{"Waarom", "Purpose"}, label.Text{s.Purpose, ""})
	field(label.Text{"Hoe lang bewaard", "Kept for"}, s.Retention)
	return l.err
}

// qrFoot draws the QR code at the foot, with the address beside it.
func (l *layout) qrFoot(s *Sign, paper Paper) error {
	pdf, k, margin := l.pdf, l.k, l.x
	qr, err := qrcode.New(s.URL, qrcode.Medium)
	if err != nil {
		return fmt.Errorf("QR code for %s: %w", s.URL, err)
	}
	bits := qr.Bitmap() // with the quiet zone of four modules around it
	qsize := 150 * k
	qy := paper.H - margin - qsize
	module := qsize / float64(len(bits))
	pdf.SetFillColor(0, 0, 0)
	for row, line := range bits {
		// One rectangle per run of dark modules keeps the file small.
		for col := 0; col < len(line); {
			if !line[col] {
				col++
				continue
			}
			start := col
			for col < len(line) && line[col] {
				col++
			}
			pdf.RectFromUpperLeftWithStyle(margin+float64(start)*module, qy+float64(row)*module, float64(col-start)*module, module, "F")
		}
	}
	side := &layout{pdf: pdf, k: k, x: margin + qsize + 14*k, w: paper.W - 2*margin - qsize - 14*k, y: qy + 30*k}
	side.pair(s, fontBold, 14, "Meer weten? Scan de code.", "Want to know more? Scan the code.")
	side.y += 4 * k
	side.text(fontRegular, 9.5, s.URL, 1.3)
	side.y += 4 * k
	side.pair(s, fontRegular, 10, "Daar staat ook hoe u een fout in uw gegevens laat herstellen.", "It also says how to have wrong data about you corrected.")
	return side.err
}
