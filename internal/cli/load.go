package cli

import (
	"fmt"
	"path"
	"strings"
	"sync"

	"github.com/voorbeeldstad/register/internal/config"
	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/load"
	"github.com/voorbeeldstad/register/internal/validate"
)

var (
	validatorOnce sync.Once
	validator     *validate.Validator
	validatorErr  error
)

// sharedValidator compiles the embedded schemas once per process.
func sharedValidator() (*validate.Validator, error) {
	validatorOnce.Do(func() { validator, validatorErr = validate.New() })
	return validator, validatorErr
}

// loadRegister reads and validates the register at --root (or only the files
// given), the first stage of every command.
func (a *App) loadRegister(files ...string) (*load.Result, error) {
	v, err := sharedValidator()
	if err != nil {
		return nil, err
	}
	return load.Register(a.Root(), load.Options{Validator: v, Files: files})
}

// warnConfig prints problems in register.yaml on standard error, for the
// commands whose output is not a findings report: a setting they ignored
// (a typo, a bad duration) must not pass silently.
func (a *App) warnConfig(res *load.Result) {
	prefix := workRelative(a.Root())
	for _, f := range res.Findings {
		if f.Rule != finding.RuleConfig {
			continue
		}
		if !strings.HasPrefix(f.File, config.EnvRulePrefix) {
			f.File = path.Join(prefix, f.File)
		}
		fmt.Fprintf(a.Err, "register: %s: %s: %s", f.Position(), f.Severity, f.Message)
		if f.Help != "" {
			fmt.Fprintf(a.Err, " (%s)", f.Help)
		}
		fmt.Fprintln(a.Err)
	}
}
