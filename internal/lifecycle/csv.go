package lifecycle

import (
	"io"

	"github.com/voorbeeldstad/register/internal/csvcell"
	"github.com/voorbeeldstad/register/internal/period"
)

// csvHeader names the columns of the CSV output.
var csvHeader = []string{"group", "date", "record", "name", "what", "path", "detail",
	"owner_role", "owner_department", "owner_email", "owner_phone", "file"}

// WriteCSV prints the list as RFC 4180 CSV (CRLF line ends, quoting where
// needed), one item per row after a header, for a spreadsheet; no cell
// starts a formula.
func WriteCSV(w io.Writer, r Report) error {
	cw := csvcell.NewWriter(w)
	if err := cw.Write(csvHeader); err != nil {
		return err
	}
	for _, it := range r.Items {
		o := it.Record.Owner
		date := ""
		if !it.Date.IsZero() {
			date = period.Format(it.Date)
		}
		row := []string{string(it.Group), date, it.Record.ID, it.Record.Name, string(it.What), it.Path,
			it.Detail.In("en"), o.Role, o.Department, o.Email, o.Phone, it.Record.File}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	return cw.Flush()
}
