package cli

import (
	"errors"

	"github.com/spf13/cobra"

	"github.com/voorbeeldstad/register/schema"
)

func init() { addCommand(newSchemaCmd) }

func newSchemaCmd(a *App) *cobra.Command {
	return &cobra.Command{
		Use:   "schema sensor|algorithm|common",
		Short: "Print the JSON Schema of a kind of record, or the shared definitions",
		Long: `schema prints one of the JSON Schemas (draft 2020-12) that the register validates
records against, exactly as built into this program: sensor or algorithm for a kind of
record, or common for the definitions both share (the record schemas refer to it as
common.schema.json, next to them). Save all three in one folder to use them elsewhere.

Editors show help while typing when a record starts with, for example:
  # yaml-language-server: $schema=../../schema/sensor.schema.json`,
		Example: `  register schema sensor > sensor.schema.json
  register schema common > common.schema.json`,
		ValidArgs: append(append([]string{}, schema.Names...), schema.Common),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usagef("schema needs one name: sensor, algorithm or common")
			}
			data, err := schema.Read(args[0])
			if errors.Is(err, schema.ErrUnknown) {
				return usagef("no schema called %q: choose sensor, algorithm or common", args[0])
			}
			if err != nil {
				return err
			}
			_, err = a.Out.Write(data)
			return err
		},
	}
}
