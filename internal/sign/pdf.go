package sign

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

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

// Write writes one page per sign on the paper, as a PDF. A sign whose
// text does not fit above its QR code is refused (ErrTooLong), as Fits
// tells beforehand.
func Write(w io.Writer, signs []*Sign, paper Paper) error {
	pdf, err := newPDF(paper)
	if err != nil {
		return err
	}
	pdf.SetInfo(gopdf.PdfInfo{Title: "Sensorbord", Creator: "register sign", Producer: "register sign (gopdf)"})
	for _, s := range signs {
		if _, err := page(pdf, s, paper); errors.Is(err, ErrTooLong) {
			return err // it names the sign, in either language
		} else if err != nil {
			return fmt.Errorf("sign %s: %w", s.ID, err)
		}
	}
	var buf bytes.Buffer
	if _, err := pdf.WriteTo(&buf); err != nil {
		return fmt.Errorf("write sign PDF: %w", err)
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// newPDF starts a PDF of pages of the paper, with the sign's fonts.
func newPDF(paper Paper) (*gopdf.GoPdf, error) {
	pdf := &gopdf.GoPdf{}
	pdf.Start(gopdf.Config{PageSize: gopdf.Rect{W: paper.W, H: paper.H}, Unit: gopdf.UnitPT})
	for _, f := range []struct {
		name string
		data []byte
	}{{fontRegular, goregular.TTF}, {fontBold, gobold.TTF}, {fontItalic, goitalic.TTF}} {
		if err := pdf.AddTTFFontData(f.name, f.data); err != nil {
			return nil, fmt.Errorf("sign font %s: %w", f.name, err)
		}
	}
	return pdf, nil
}

// layout draws on one page, scaled from A4 by k, and remembers the first
// error. A dry layout measures where its text would go without drawing it.
type layout struct {
	pdf *gopdf.GoPdf
	k   float64 // scale: 1 on A4
	x   float64 // left margin
	w   float64 // text width
	y   float64 // where the next line goes
	// shrink makes the type smaller by this part (0: as designed), down to
	// minType.
	shrink float64
	dry    bool
	// bottom is the foot of the last line written, and smallest the
	// smallest type written, in points.
	bottom, smallest float64
	err              error
}

// minType is the smallest type, in points, that the facts shrink to so
// that they fit above the QR code: a sign is read standing in the street.
// Type designed smaller than it (a field's name on A5) keeps its size.
const minType = 7.0

// descent is how far below its baseline a line of the Go fonts reaches, as
// a part of its size.
const descent = 0.25

// pt is the size in points of type designed at size on A4.
func (l *layout) pt(size float64) float64 {
	designed := size * l.k
	return max(designed*(1-l.shrink), min(designed, minType))
}

// text writes wrapped lines in a font and size (in A4 points) and moves down.
func (l *layout) text(font string, size float64, s string, lead float64) {
	if l.err != nil || strings.TrimSpace(s) == "" {
		return
	}
	pt := l.pt(size)
	if l.err = l.pdf.SetFont(font, "", pt); l.err != nil {
		return
	}
	lines, err := l.pdf.SplitTextWithWordWrap(s, l.w)
	if err != nil {
		l.err = err
		return
	}
	if l.smallest == 0 || pt < l.smallest {
		l.smallest = pt
	}
	for _, line := range lines {
		if !l.dry {
			l.pdf.SetXY(l.x, l.y)
			if l.err = l.pdf.Text(line); l.err != nil {
				return
			}
		}
		l.bottom = l.y + descent*pt
		l.y += pt * lead
	}
}

// space moves down by a gap designed at size A4 points, shrunk with the type.
func (l *layout) space(size float64) { l.y += size * l.k * (1 - l.shrink) }

// pair writes a Dutch text and, when the sign speaks English, the English
// one under it in italic.
func (l *layout) pair(s *Sign, font string, size float64, nl, en string) {
	l.text(font, size, nl, 1.25)
	if s.English && en != "" {
		l.text(fontItalic, size*0.8, en, 1.25)
	}
}

// placed is where a page put its facts and its QR code, in points from
// the top of the page.
type placed struct {
	factsTop, factsEnd float64 // the first line's baseline; the last line's foot
	qrTop              float64
	footEnd            float64 // the foot of the text beside the QR code
	smallest           float64 // the smallest type of the facts
	shrink             float64
}

// shrinks are the steps by which the facts' type is made smaller until
// they fit.
var shrinks = []float64{0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4}

// page draws the sign on a page of its own: the band with the title, the
// pictograms, the facts, and the QR code at the foot. The facts take
// smaller type, down to minType, where they would otherwise run into the
// QR code; where even that is too little the sign is refused (ErrTooLong).
func page(pdf *gopdf.GoPdf, s *Sign, paper Paper) (placed, error) {
	k := paper.W / A4.W
	margin := 40 * k
	qy := qrTop(paper)
	l := &layout{pdf: pdf, k: k, x: margin, w: paper.W - 2*margin, dry: true}
	l.y = pictogramsEnd(s, l)
	at := placed{factsTop: l.y, qrTop: qy, shrink: -1}
	for _, shrink := range shrinks {
		d := *l
		d.shrink = shrink
		if err := d.facts(s); err != nil {
			return at, err
		}
		if d.bottom <= qy-qrGap*k {
			at.shrink = shrink
			break
		}
	}
	if at.shrink < 0 {
		return at, msgTooLong.ErrOf(ErrTooLong, s.ID, strings.ToUpper(paper.Name),
			utf8.RuneCountInString(s.Operator), utf8.RuneCountInString(s.Purpose), a4Too(paper != A4 && Fits(s, A4) == nil))
	}
	pdf.AddPage()
	l.dry = false
	l.band(s, paper)
	if err := l.pictograms(s); err != nil {
		return at, err
	}
	l.shrink, l.smallest = at.shrink, 0
	if err := l.facts(s); err != nil {
		return at, err
	}
	at.factsEnd, at.smallest = l.bottom, l.smallest
	foot, err := l.qrFoot(s, paper)
	at.footEnd = foot
	return at, err
}

// qrGap is the least room, in A4 points, between the facts and the QR code.
const qrGap = 12

// qrTop is where the QR code starts on the paper.
func qrTop(paper Paper) float64 {
	k := paper.W / A4.W
	return paper.H - 40*k - qrSize*k
}

// qrSize is the QR code's side in A4 points.
const qrSize = 150

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
	top := pictogramsTop * k
	pdf.SetLineWidth(4 * k)
	pdf.SetStrokeColor(0, 0, 0)
	pdf.SetFillColor(0, 0, 0)
	for i, p := range s.Pictograms {
		col, row := i%per, i/per
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
	l.y = pictogramsEnd(s, l)
	return nil
}

// pictogramsTop is where the pictograms start, in A4 points.
const pictogramsTop = 138

// pictogramsEnd is where the pictograms leave l.y: below their rows.
func pictogramsEnd(s *Sign, l *layout) float64 {
	k := l.k
	size, gap := 110*k, 18*k
	per := max(1, int((l.w+gap)/(size+gap)))
	rows := (len(s.Pictograms) + per - 1) / per
	return pictogramsTop*k + float64(rows)*(size+44*k) + 16*k
}

// facts writes who watches, why and for how long the images are kept, after
// the legal basis of camera surveillance for public order.
func (l *layout) facts(s *Sign) error {
	if s.PublicOrder {
		l.pair(s, fontBold, 13, "Cameratoezicht door de burgemeester, op grond van artikel 151c van de Gemeentewet.",
			"Camera surveillance by the mayor under article 151c of the Municipalities Act.")
		l.space(8)
	}
	// A value in Dutch only has no English to add under it.
	field := func(name, value label.Text) {
		l.text(fontBold, 10, strings.ToUpper(name.In("nl"))+map[bool]string{true: " · " + strings.ToUpper(name.In("en"))}[s.English], 1.4)
		l.text(fontRegular, 15, value.In("nl"), 1.25)
		if en := value.In("en"); s.English && en != "" && en != value.In("nl") {
			l.text(fontItalic, 12, en, 1.25)
		}
		l.space(8)
	}
	field(label.Text{"Wie", "Operator"}, label.Text{s.Operator, ""})
	field(label.Text{"Waarom", "Purpose"}, label.Text{s.Purpose, ""})
	field(label.Text{"Hoe lang bewaard", "Kept for"}, s.Retention)
	return l.err
}

// qrFoot draws the QR code at the foot, with the address beside it, and
// returns the foot of that text.
func (l *layout) qrFoot(s *Sign, paper Paper) (float64, error) {
	pdf, k, margin := l.pdf, l.k, l.x
	qr, err := qrcode.New(s.URL, qrcode.Medium)
	if err != nil {
		return 0, fmt.Errorf("QR code for %s: %w", s.URL, err)
	}
	bits := qr.Bitmap() // with the quiet zone of four modules around it
	qsize := qrSize * k
	qy := qrTop(paper)
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
	side.space(4)
	side.text(fontRegular, 9.5, s.URL, 1.3)
	side.space(4)
	side.pair(s, fontRegular, 10, "Daar staat ook hoe u een fout in uw gegevens laat herstellen.", "It also says how to have wrong data about you corrected.")
	return side.bottom, side.err
}

// Fits reports whether the sign's text fits above its QR code on the
// paper, at the smallest in minType: nil, or the refusal (ErrTooLong)
// that says what to shorten.
func Fits(s *Sign, paper Paper) error {
	pdf, err := newPDF(paper)
	if err != nil {
		return err
	}
	_, err = page(pdf, s, paper)
	return err
}

// a4Too adds, to a refusal on A5, that A4 holds the sign, where it does:
// measured once, when the refusal is made, not for each language it is
// said in.
type a4Too bool

func (a a4Too) In(lang string) string {
	if !a {
		return ""
	}
	return map[string]string{"nl": ", of druk het bord op A4 (--paper a4)", "en": ", or print the sign on A4 (--paper a4)"}[lang]
}
