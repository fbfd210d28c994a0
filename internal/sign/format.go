package sign

import (
	"io"

	"github.com/voorbeeldstad/register/internal/format"
)

// Job is what the signs' format writes: the signs, on paper of one size.
type Job struct {
	Signs []*Sign
	Paper Paper
}

// Formats are the formats the signs are written in, chosen by the output
// file's extension as the packet's are (format.Set.ForFile): a PDF only,
// so that sign --out bord.docx is refused rather than written as a PDF
// under a name that says otherwise.
var Formats = format.Set[*Job]{
	{Name: "pdf", Exts: []string{".pdf"}, Write: func(w io.Writer, j *Job) error { return Write(w, j.Signs, j.Paper) }},
}
