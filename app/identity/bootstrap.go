package identity

import (
	"context"
	"errors"

	"huiguan/domain/errs"

	"huiguan/domain/identity"
)

// Bootstrapped tells what EnsureAdmin did.
type Bootstrapped struct {
	Created  bool
	Username string
	// Password is set only when it was generated here and must be shown once.
	Password string
}

// EnsureAdmin creates the first administrator when there are no users at
// all. The password is the given one, or a generated one returned to print.
func (s *Service) EnsureAdmin(ctx context.Context, password string, generate func() (string, error)) (Bootstrapped, error) {
	n, err := s.users.Count(ctx)
	if err != nil || n > 0 {
		return Bootstrapped{}, err
	}
	shown := ""
	if password == "" {
		if password, err = generate(); err != nil {
			return Bootstrapped{}, err
		}
		shown = password
	}
	_, err = s.CreateUser(ctx, CreateUserCommand{
		Username: "admin", Password: password, DisplayName: "系统管理员", Roles: []string{string(identity.Admin)},
	})
	if errors.Is(err, errs.ErrConflict) {
		return Bootstrapped{}, nil // another instance created it first
	}
	if err != nil {
		return Bootstrapped{}, err
	}
	return Bootstrapped{Created: true, Username: "admin", Password: shown}, nil
}
