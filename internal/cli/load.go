package cli

import (
	"sync"

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

// ruleIDs lists the checklist's rule ids for configuration overrides from
// the environment; the checklist sets it when it is linked in.
var ruleIDs []string

// loadRegister reads and validates the register at --root (or only the files
// given), the first stage of every command.
func (a *App) loadRegister(files ...string) (*load.Result, error) {
	v, err := sharedValidator()
	if err != nil {
		return nil, err
	}
	return load.Register(a.Root(), load.Options{Validator: v, RuleIDs: ruleIDs, Files: files})
}
