// Package rbac is the casbin enforcer over HuiGuan's own policy table. The
// adapter is ours (five methods over infra/store), so the binary links no
// database drivers beyond the two it uses.
package rbac

import (
	"context"
	"encoding/csv"
	"fmt"
	"strings"
	"sync"

	"github.com/casbin/casbin/v2"
	"github.com/casbin/casbin/v2/model"
	"github.com/casbin/casbin/v2/persist"

	"huiguan/infra/store"
)

// ParsePolicy reads casbin's CSV policy form, skipping comments and blanks.
func ParsePolicy(text string) ([]store.PolicyRule, error) {
	var out []store.PolicyRule
	for i, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		r := csv.NewReader(strings.NewReader(line))
		r.TrimLeadingSpace = true
		rec, err := r.Read()
		if err != nil || len(rec) < 3 {
			return nil, fmt.Errorf("rbac: policy line %d: %q", i+1, line)
		}
		for j := range rec {
			rec[j] = strings.TrimSpace(rec[j])
		}
		out = append(out, store.PolicyRule{Ptype: rec[0], Values: rec[1:]})
	}
	return out, nil
}

// adapter loads and saves casbin rules through the policy repository.
type adapter struct{ repo *store.Policies }

var _ persist.Adapter = adapter{}

func (a adapter) LoadPolicy(m model.Model) error {
	rules, err := a.repo.All(context.Background())
	if err != nil {
		return err
	}
	for _, r := range rules {
		if err := persist.LoadPolicyArray(append([]string{r.Ptype}, r.Values...), m); err != nil {
			return err
		}
	}
	return nil
}

func (a adapter) SavePolicy(model.Model) error {
	return fmt.Errorf("rbac: saving the whole policy is not supported; add or remove rules")
}

func (a adapter) AddPolicy(_ string, ptype string, rule []string) error {
	return a.repo.Add(context.Background(), store.PolicyRule{Ptype: ptype, Values: rule})
}

func (a adapter) RemovePolicy(_ string, ptype string, rule []string) error {
	return a.repo.Remove(context.Background(), store.PolicyRule{Ptype: ptype, Values: rule})
}

func (a adapter) RemoveFilteredPolicy(string, string, int, ...string) error {
	return fmt.Errorf("rbac: filtered removal is not supported")
}

// Enforcer answers whether a role may call a route.
type Enforcer struct {
	mu sync.RWMutex
	e  *casbin.Enforcer
}

// New loads the model and the policy from the database.
func New(modelText string, repo *store.Policies) (*Enforcer, error) {
	m, err := model.NewModelFromString(modelText)
	if err != nil {
		return nil, fmt.Errorf("rbac: model: %w", err)
	}
	e, err := casbin.NewEnforcer(m, adapter{repo: repo})
	if err != nil {
		return nil, fmt.Errorf("rbac: enforcer: %w", err)
	}
	return &Enforcer{e: e}, nil
}

// Allowed reports whether role may call method on the route template path.
// An evaluation error denies.
func (x *Enforcer) Allowed(role, path, method string) (bool, error) {
	x.mu.RLock()
	defer x.mu.RUnlock()
	ok, err := x.e.Enforce(role, path, method)
	if err != nil {
		return false, fmt.Errorf("rbac: enforce: %w", err)
	}
	return ok, nil
}

// Reload re-reads the policy, e.g. after another instance changed it.
func (x *Enforcer) Reload() error {
	x.mu.Lock()
	defer x.mu.Unlock()
	return x.e.LoadPolicy()
}
