package packet

import (
	"bufio"
	"fmt"
	"io"

	"github.com/voorbeeldstad/register/internal/atomicfile"
	"github.com/voorbeeldstad/register/internal/format"
)

// Format is an output format of the packet.
type Format string

// The formats, chosen by the extension of the output file.
const (
	HTML     Format = "html"
	Markdown Format = "md"
	PDF      Format = "pdf"
)

// Formats are the packet's formats, chosen by the extension of the output
// file.
var Formats = format.Set[*Packet]{
	{Name: string(HTML), Exts: []string{".html", ".htm"}, Write: WriteHTML},
	{Name: string(Markdown), Exts: []string{".md", ".markdown"}, Write: WriteMarkdown},
	{Name: string(PDF), Exts: []string{".pdf"}, Write: WritePDF},
}

// FormatFor returns the format for an output file by its extension
// (.html or .htm, .md or .markdown, .pdf).
func FormatFor(path string) (Format, error) {
	f, err := Formats.ForFile(path)
	return Format(f.Name), err
}

// Render writes the packet in a format.
func Render(w io.Writer, p *Packet, f Format) error {
	ff, err := Formats.Lookup(string(f))
	if err != nil {
		return fmt.Errorf("packet: %w", err)
	}
	return ff.Write(w, p)
}

// WriteFile renders the packet in the format its extension names and writes
// it atomically: to a temporary file in the same folder, renamed over path
// only when complete, so a failed run never leaves half a packet behind.
// The packet is written as it is rendered, never held whole in memory.
func WriteFile(path string, p *Packet) error {
	f, err := FormatFor(path)
	if err != nil {
		return err
	}
	return atomicfile.WriteFrom(path, 0o644, func(w io.Writer) error {
		bw := bufio.NewWriterSize(w, 256<<10)
		if err := Render(bw, p, f); err != nil {
			return err
		}
		return bw.Flush()
	})
}
