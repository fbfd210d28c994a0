package cli

import (
	"errors"

	"github.com/spf13/cobra"

	"github.com/voorbeeldstad/register/schema"
)

// schemaOptions are the arguments of register schema.
type schemaOptions struct {
	*App
	name string
}

func newSchemaCmd(a *App, runF func(*schemaOptions) error) *cobra.Command {
	o := &schemaOptions{App: a}
	if runF == nil {
		runF = runSchema
	}
	return &cobra.Command{
		Use:   "schema sensor|algorithm|common|config",
		Short: a.say(msgSchemaShort),
		Long:  a.say(msgSchemaLong),
		Example: `  register schema sensor > sensor.schema.json
  register schema common > common.schema.json`,
		ValidArgs: append(append([]string{}, schema.Names...), schema.Common, schema.Config),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usageText(msgSchemaArgs)
			}
			o.name = args[0]
			return runF(o)
		},
	}
}

// runSchema prints the named schema.
func runSchema(o *schemaOptions) error {
	data, err := schema.Read(o.name)
	if errors.Is(err, schema.ErrUnknown) {
		return usageText(msgSchemaUnknown, o.name)
	}
	if err != nil {
		return err
	}
	_, err = o.Out.Write(data)
	return err
}
