package identity

import (
	"huiguan/app"
	"huiguan/app/audit"
)

// Service holds the identity use cases' dependencies.
type Service struct {
	users    Users
	sessions Sessions
	throttle Throttle
	hasher   Hasher
	tokens   Tokens
	members  MemberUnits // nil until a member registry is wired
	audit    *audit.Log
	tx       app.Tx
	clock    app.Clock
	policy   Policy
	// dummyHash is compared against when the username is unknown, so a
	// login takes as long whether or not the account exists.
	dummyHash string
}

// Deps are the Service's collaborators.
type Deps struct {
	Users    Users
	Sessions Sessions
	Throttle Throttle
	Hasher   Hasher
	Tokens   Tokens
	Members  MemberUnits
	Audit    *audit.Log
	Tx       app.Tx
	Clock    app.Clock
	Policy   Policy
}

// NewService builds the identity service.
func NewService(d Deps) (*Service, error) {
	dummy, err := d.Hasher.Hash("huiguan-timing-equaliser")
	if err != nil {
		return nil, err
	}
	return &Service{
		users: d.Users, sessions: d.Sessions, throttle: d.Throttle, hasher: d.Hasher, tokens: d.Tokens,
		members: d.Members, audit: d.Audit, tx: d.Tx, clock: d.Clock, policy: d.Policy, dummyHash: dummy,
	}, nil
}

// SetMemberUnits wires the member registry once it exists.
func (s *Service) SetMemberUnits(m MemberUnits) { s.members = m }
