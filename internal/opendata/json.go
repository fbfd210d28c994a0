package opendata

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/voorbeeldstad/register/internal/record"
)

// Register is the shape of register.json: who publishes it and every public
// record in the record format, sensors first, then algorithms, by id.
type Register struct {
	Organisation string `json:"organisation,omitempty"`
	Title        string `json:"title,omitempty"`
	// Unpublished counts the records left out because they are not public,
	// so a reader knows the list is not the whole register.
	Unpublished int   `json:"unpublished_records"`
	Records     []any `json:"records"`
}

// WriteJSON writes the register's public records as JSON (register.json).
func WriteJSON(w io.Writer, reg *record.Register) error {
	out := Register{Records: []any{}}
	if reg.Config != nil {
		out.Organisation = reg.Config.Organisation
		out.Title = reg.Config.Site.Title
	}
	for _, r := range reg.Records {
		if !r.IsPublic() {
			out.Unpublished++
			continue
		}
		if (r.Publication == nil || len(r.Publication.Withheld) == 0) && len(r.Incidents) == 0 {
			// Nothing to leave out: encode the record as it is, which is
			// the same JSON as View without the round trip.
			out.Records = append(out.Records, r)
			continue
		}
		v, err := View(r)
		if err != nil {
			return err
		}
		out.Records = append(out.Records, v)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	if err := enc.Encode(out); err != nil {
		return fmt.Errorf("write register.json: %w", err)
	}
	return nil
}
