package store

import (
	"context"
	"strings"
	"time"

	"gorm.io/gorm"

	"huiguan/app"
	appidentity "huiguan/app/identity"
	"huiguan/domain/errs"
	"huiguan/domain/identity"
)

type userRecord struct {
	ID            int64 `gorm:"primaryKey"`
	Username      string
	DisplayName   string
	PasswordHash  string
	MemberID      *int64
	Disabled      bool
	Locale        string
	FailedLogins  int
	LockedUntil   *time.Time
	LastLoginAt   *time.Time
	PasswordSetAt time.Time
	CreatedAt     time.Time
	UpdatedAt     time.Time
}

func (userRecord) TableName() string { return "users" }

type userRoleRecord struct {
	UserID int64  `gorm:"primaryKey"`
	Role   string `gorm:"primaryKey"`
}

func (userRoleRecord) TableName() string { return "user_roles" }

// Users stores accounts and their roles.
type Users struct{ s *Store }

// NewUsers returns the user repository.
func NewUsers(s *Store) *Users { return &Users{s: s} }

var _ appidentity.Users = (*Users)(nil)

// Create inserts the account and its roles.
func (r *Users) Create(ctx context.Context, u *identity.User) error {
	return r.s.Do(ctx, func(ctx context.Context) error {
		rec := fromUser(u)
		if err := r.s.conn(ctx).Create(&rec).Error; err != nil {
			return translate(err)
		}
		u.SetID(rec.ID)
		return r.saveRoles(ctx, rec.ID, u.Roles())
	})
}

// Update writes every field and replaces the roles.
func (r *Users) Update(ctx context.Context, u *identity.User) error {
	return r.s.Do(ctx, func(ctx context.Context) error {
		rec := fromUser(u)
		rec.UpdatedAt = time.Now().UTC()
		res := r.s.conn(ctx).Model(&userRecord{ID: rec.ID}).Select("*").Omit("id", "created_at").Updates(&rec)
		if res.Error != nil {
			return translate(res.Error)
		}
		if err := r.s.conn(ctx).Where("user_id = ?", rec.ID).Delete(&userRoleRecord{}).Error; err != nil {
			return translate(err)
		}
		return r.saveRoles(ctx, rec.ID, u.Roles())
	})
}

func (r *Users) saveRoles(ctx context.Context, id int64, roles []identity.Role) error {
	rows := make([]userRoleRecord, len(roles))
	for i, role := range roles {
		rows[i] = userRoleRecord{UserID: id, Role: string(role)}
	}
	return translate(r.s.conn(ctx).Create(&rows).Error)
}

// Get loads one account.
func (r *Users) Get(ctx context.Context, id int64) (*identity.User, error) {
	return r.one(ctx, r.s.conn(ctx).Where("id = ?", id))
}

// GetForUpdate loads and locks one account.
func (r *Users) GetForUpdate(ctx context.Context, id int64) (*identity.User, error) {
	return r.one(ctx, r.s.forUpdate(r.s.conn(ctx)).Where("id = ?", id))
}

// ByUsername loads the account with that username.
func (r *Users) ByUsername(ctx context.Context, username string) (*identity.User, error) {
	return r.one(ctx, r.s.conn(ctx).Where("username = ?", username))
}

func (r *Users) one(ctx context.Context, q *gorm.DB) (*identity.User, error) {
	var rec userRecord
	if err := q.Take(&rec).Error; err != nil {
		return nil, translate(err)
	}
	users, err := r.withRoles(ctx, []userRecord{rec})
	if err != nil {
		return nil, err
	}
	return users[0], nil
}

// Count is the number of accounts.
func (r *Users) Count(ctx context.Context) (int64, error) {
	var n int64
	err := r.s.conn(ctx).Model(&userRecord{}).Count(&n).Error
	return n, translate(err)
}

var userSorts = map[string]string{
	"username": "username", "-username": "username DESC",
	"created_at": "id", "-created_at": "id DESC",
	"last_login_at": "last_login_at", "-last_login_at": "last_login_at DESC",
}

// List returns a filtered page of accounts.
func (r *Users) List(ctx context.Context, f appidentity.UserFilter, p app.Page) (app.List[*identity.User], error) {
	q := r.s.conn(ctx).Model(&userRecord{})
	if f.Query != "" {
		like := "%" + escapeLike(strings.ToLower(f.Query)) + "%"
		q = q.Where("(LOWER(username) LIKE ? OR LOWER(display_name) LIKE ?)", like, like)
	}
	if f.Role != "" {
		q = q.Where("id IN (?)", r.s.conn(ctx).Model(&userRoleRecord{}).Select("user_id").Where("role = ?", string(f.Role)))
	}
	if f.Disabled != nil {
		q = q.Where("disabled = ?", *f.Disabled)
	}
	var total int64
	if err := q.Count(&total).Error; err != nil {
		return app.List[*identity.User]{}, translate(err)
	}
	order, ok := userSorts[f.Sort]
	if !ok && f.Sort != "" {
		return app.List[*identity.User]{}, errs.Invalid("request.invalid_query", map[string]string{"sort": "sort"})
	}
	if !ok {
		order = "id DESC"
	}
	var recs []userRecord
	if err := q.Order(order).Offset(p.Offset()).Limit(p.PageSize).Find(&recs).Error; err != nil {
		return app.List[*identity.User]{}, translate(err)
	}
	users, err := r.withRoles(ctx, recs)
	if err != nil {
		return app.List[*identity.User]{}, err
	}
	return app.List[*identity.User]{Items: users, Total: total, Page: p.Page, PageSize: p.PageSize}, nil
}

// withRoles loads the roles of all records in one query.
func (r *Users) withRoles(ctx context.Context, recs []userRecord) ([]*identity.User, error) {
	ids := make([]int64, len(recs))
	for i, rec := range recs {
		ids[i] = rec.ID
	}
	roles := map[int64][]identity.Role{}
	if len(ids) > 0 {
		var rows []userRoleRecord
		if err := r.s.conn(ctx).Where("user_id IN ?", ids).Find(&rows).Error; err != nil {
			return nil, translate(err)
		}
		for _, row := range rows {
			roles[row.UserID] = append(roles[row.UserID], identity.Role(row.Role))
		}
	}
	out := make([]*identity.User, len(recs))
	for i, rec := range recs {
		out[i] = identity.Rehydrate(identity.Snapshot{
			ID: rec.ID, Username: rec.Username, DisplayName: rec.DisplayName, PasswordHash: rec.PasswordHash,
			Roles: sortRoles(roles[rec.ID]), MemberID: rec.MemberID, Disabled: rec.Disabled,
			Locale: identity.Locale(rec.Locale), FailedLogins: rec.FailedLogins, LockedUntil: utcPtr(rec.LockedUntil),
			LastLoginAt: utcPtr(rec.LastLoginAt), CreatedAt: rec.CreatedAt.UTC(), PasswordSetAt: rec.PasswordSetAt.UTC(),
		})
	}
	return out, nil
}

// sortRoles orders roles as the catalogue does, so responses are stable.
func sortRoles(in []identity.Role) []identity.Role {
	out := make([]identity.Role, 0, len(in))
	for _, ri := range identity.Roles() {
		for _, r := range in {
			if r == ri.Role {
				out = append(out, r)
			}
		}
	}
	return out
}

func fromUser(u *identity.User) userRecord {
	s := u.Snapshot()
	return userRecord{
		ID: s.ID, Username: s.Username, DisplayName: s.DisplayName, PasswordHash: s.PasswordHash,
		MemberID: s.MemberID, Disabled: s.Disabled, Locale: string(s.Locale), FailedLogins: s.FailedLogins,
		LockedUntil: s.LockedUntil, LastLoginAt: s.LastLoginAt, PasswordSetAt: s.PasswordSetAt,
		CreatedAt: s.CreatedAt, UpdatedAt: s.CreatedAt,
	}
}

func utcPtr(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	u := t.UTC()
	return &u
}

// escapeLike escapes LIKE wildcards in user input; both databases use
// backslash as the default escape character.
func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}
