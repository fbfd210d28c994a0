package packet

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/voorbeeldstad/register/internal/atomicfile"
)

// Format is an output format of the packet.
type Format string

// The formats, chosen by the extension of the output file.
const (
	HTML     Format = "html"
	Markdown Format = "md"
	PDF      Format = "pdf"
)

// FormatFor returns the format for an output file by its extension
// (.html or .htm, .md or .markdown, .pdf).
func FormatFor(path string) (Format, error) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".html", ".htm":
		return HTML, nil
	case ".md", ".markdown":
		return Markdown, nil
	case ".pdf":
		return PDF, nil
	}
	return "", fmt.Errorf("%s: the extension says the format: use .html, .md or .pdf", path)
}

// Render writes the packet in a format.
func Render(w io.Writer, p *Packet, f Format) error {
	switch f {
	case HTML:
		return WriteHTML(w, p)
	case Markdown:
		return WriteMarkdown(w, p)
	case PDF:
		return WritePDF(w, p)
	}
	return fmt.Errorf("unknown packet format %q", f)
}

// WriteFile renders the packet in the format its extension names and writes
// it atomically: to a temporary file in the same folder, renamed over path
// only when complete, so a failed run never leaves half a packet behind.
func WriteFile(path string, p *Packet) error {
	f, err := FormatFor(path)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := Render(&buf, p, f); err != nil {
		return err
	}
	return atomicfile.Write(path, buf.Bytes(), 0o644)
}
