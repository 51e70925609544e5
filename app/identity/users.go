package identity

import (
	"context"
	"errors"

	"huiguan/app"
	"huiguan/app/audit"
	"huiguan/domain/errs"
	"huiguan/domain/identity"
)

// UserView is a user as screens show it: the account and its unit's name.
type UserView struct {
	User       *identity.User
	MemberName *string
}

// CreateUserCommand creates an account.
type CreateUserCommand struct {
	Username    string
	Password    string
	DisplayName string
	Roles       []string
	MemberID    *int64
}

// CreateUser creates an account; the username is unique (the database says so).
func (s *Service) CreateUser(ctx context.Context, cmd CreateUserCommand) (UserView, error) {
	// Every field is checked before answering, so a form can mark all its
	// mistakes at once.
	var problems []error
	roles, err := identity.ParseRoles(cmd.Roles)
	problems = append(problems, err, identity.CheckPassword(cmd.Password))
	if roles == nil {
		roles = []identity.Role{identity.Admin} // placeholder so NewUser checks the other fields
	}
	if _, err := identity.NewUser(cmd.Username, cmd.DisplayName, "-", roles, nil, s.clock.Now()); err != nil {
		problems = append(problems, err)
	}
	if err := errs.Merge(problems...); err != nil {
		return UserView{}, err
	}
	if err := s.checkMember(ctx, cmd.MemberID); err != nil {
		return UserView{}, err
	}
	hash, err := s.hasher.Hash(cmd.Password)
	if err != nil {
		return UserView{}, err
	}
	u, err := identity.NewUser(cmd.Username, cmd.DisplayName, hash, roles, cmd.MemberID, s.clock.Now())
	if err != nil {
		return UserView{}, err
	}
	err = s.tx.Do(ctx, func(ctx context.Context) error {
		if err := s.users.Create(ctx, u); err != nil {
			if errors.Is(err, errs.ErrConflict) {
				return &errs.Error{Kind: errs.ErrConflict, Code: "user.username_taken", Fields: map[string]string{"username": "taken"}}
			}
			return err
		}
		return s.audit.Record(ctx, audit.Change{Action: "user.create", Entity: "user", EntityID: u.ID(), After: auditView(u)})
	})
	if err != nil {
		return UserView{}, err
	}
	return s.view(ctx, u)
}

// UpdateUserCommand changes an account; nil fields are left alone.
type UpdateUserCommand struct {
	ID          int64
	DisplayName *string
	Roles       []string // nil: unchanged
	Disabled    *bool
	Password    *string
	MemberID    **int64 // nil: unchanged; pointer to nil: unlink
}

// UpdateUser changes roles, name, member link, disabled flag or password.
// Disabling an account or resetting its password ends its sessions.
func (s *Service) UpdateUser(ctx context.Context, cmd UpdateUserCommand) (UserView, error) {
	p, err := app.MustPrincipal(ctx)
	if err != nil {
		return UserView{}, err
	}
	var roles []identity.Role
	if cmd.Roles != nil {
		if roles, err = identity.ParseRoles(cmd.Roles); err != nil {
			return UserView{}, err
		}
	}
	var hash string
	if cmd.Password != nil {
		if err := identity.CheckPassword(*cmd.Password); err != nil {
			return UserView{}, err
		}
		if hash, err = s.hasher.Hash(*cmd.Password); err != nil {
			return UserView{}, err
		}
	}
	if cmd.MemberID != nil {
		if err := s.checkMember(ctx, *cmd.MemberID); err != nil {
			return UserView{}, err
		}
	}
	var u *identity.User
	err = s.tx.Do(ctx, func(ctx context.Context) error {
		if u, err = s.users.GetForUpdate(ctx, cmd.ID); err != nil {
			return userNotFound(err)
		}
		before := auditView(u)
		if cmd.DisplayName != nil {
			if err := u.Rename(*cmd.DisplayName); err != nil {
				return err
			}
		}
		if roles != nil {
			if u.ID() == p.UserID && u.HasRole(identity.Admin) && !containsRole(roles, identity.Admin) {
				return errs.Rule("user.cannot_drop_own_admin", "")
			}
			if err := u.SetRoles(roles); err != nil {
				return err
			}
		}
		if cmd.MemberID != nil {
			if err := u.LinkMember(*cmd.MemberID); err != nil {
				return err
			}
		}
		endSessions := false
		if cmd.Disabled != nil {
			if *cmd.Disabled && u.ID() == p.UserID {
				return errs.Rule("user.cannot_disable_self", "")
			}
			endSessions = endSessions || (*cmd.Disabled && !u.Disabled())
			u.SetDisabled(*cmd.Disabled)
		}
		if cmd.Password != nil {
			u.SetPasswordHash(hash, s.clock.Now())
			endSessions = true
		}
		if err := s.users.Update(ctx, u); err != nil {
			return err
		}
		if endSessions {
			if err := s.sessions.DeleteForUser(ctx, u.ID()); err != nil {
				return err
			}
		}
		after := auditView(u)
		if cmd.Password != nil {
			after["password_reset"] = true
		}
		return s.audit.Record(ctx, audit.Change{Action: "user.update", Entity: "user", EntityID: u.ID(), Before: before, After: after})
	})
	if err != nil {
		return UserView{}, err
	}
	return s.view(ctx, u)
}

// SetLocale remembers the language of the principal.
func (s *Service) SetLocale(ctx context.Context, locale string) (UserView, error) {
	p, err := app.MustPrincipal(ctx)
	if err != nil {
		return UserView{}, err
	}
	l, err := identity.ParseLocale(locale)
	if err != nil {
		return UserView{}, err
	}
	var u *identity.User
	err = s.tx.Do(ctx, func(ctx context.Context) error {
		if u, err = s.users.GetForUpdate(ctx, p.UserID); err != nil {
			return userNotFound(err)
		}
		before := u.Locale()
		if before == l {
			return nil
		}
		u.SetLocale(l)
		if err := s.users.Update(ctx, u); err != nil {
			return err
		}
		return s.audit.Record(ctx, audit.Change{Action: "user.set_locale", Entity: "user", EntityID: u.ID(),
			Before: map[string]any{"locale": before}, After: map[string]any{"locale": l}})
	})
	if err != nil {
		return UserView{}, err
	}
	return s.view(ctx, u)
}

// GetUser returns one account.
func (s *Service) GetUser(ctx context.Context, id int64) (UserView, error) {
	u, err := s.users.Get(ctx, id)
	if err != nil {
		return UserView{}, userNotFound(err)
	}
	return s.view(ctx, u)
}

// ListUsers returns a page of accounts.
func (s *Service) ListUsers(ctx context.Context, f UserFilter, p app.Page) (app.List[UserView], error) {
	list, err := s.users.List(ctx, f, p)
	if err != nil {
		return app.List[UserView]{}, err
	}
	names, err := s.memberNames(ctx, list.Items...)
	if err != nil {
		return app.List[UserView]{}, err
	}
	out := app.List[UserView]{Total: list.Total, Page: list.Page, PageSize: list.PageSize, Items: make([]UserView, len(list.Items))}
	for i, u := range list.Items {
		out.Items[i] = UserView{User: u, MemberName: nameOf(names, u)}
	}
	return out, nil
}

func (s *Service) view(ctx context.Context, u *identity.User) (UserView, error) {
	names, err := s.memberNames(ctx, u)
	if err != nil {
		return UserView{}, err
	}
	return UserView{User: u, MemberName: nameOf(names, u)}, nil
}

func (s *Service) memberNames(ctx context.Context, users ...*identity.User) (map[int64]string, error) {
	if s.members == nil {
		return nil, nil
	}
	var ids []int64
	for _, u := range users {
		if id := u.MemberID(); id != nil {
			ids = append(ids, *id)
		}
	}
	if len(ids) == 0 {
		return nil, nil
	}
	return s.members.Names(ctx, ids)
}

func nameOf(names map[int64]string, u *identity.User) *string {
	if id := u.MemberID(); id != nil {
		if n, ok := names[*id]; ok {
			return &n
		}
	}
	return nil
}

// checkMember refuses a link to a unit that does not exist. Before the
// member registry is wired there is nothing to link to.
func (s *Service) checkMember(ctx context.Context, id *int64) error {
	if id == nil {
		return nil
	}
	if s.members == nil {
		return errs.Field("member_id", "member_unknown")
	}
	ok, err := s.members.Exists(ctx, *id)
	if err != nil {
		return err
	}
	if !ok {
		return errs.Field("member_id", "member_unknown")
	}
	return nil
}

func userNotFound(err error) error {
	if errors.Is(err, errs.ErrNotFound) {
		return errs.NotFound("user")
	}
	return err
}

func containsRole(roles []identity.Role, r identity.Role) bool {
	for _, x := range roles {
		if x == r {
			return true
		}
	}
	return false
}

// auditView is the audited state of an account; never the password hash.
func auditView(u *identity.User) map[string]any {
	return map[string]any{
		"username": u.Username(), "display_name": u.DisplayName(), "roles": u.Roles(),
		"member_id": u.MemberID(), "disabled": u.Disabled(),
	}
}

// CountUsers is the number of accounts.
func (s *Service) CountUsers(ctx context.Context) (int64, error) { return s.users.Count(ctx) }

// FindUser returns the account with that username.
func (s *Service) FindUser(ctx context.Context, username string) (UserView, error) {
	u, err := s.users.ByUsername(ctx, username)
	if err != nil {
		return UserView{}, userNotFound(err)
	}
	return s.view(ctx, u)
}
