package store

import (
	"context"
)

type casbinRuleRecord struct {
	ID     int64 `gorm:"primaryKey"`
	Ptype  string
	V0     string
	V1     string
	V2     string
	V3     string
	Source string
}

func (casbinRuleRecord) TableName() string { return "casbin_rules" }

// PolicyRule is one casbin line: its type and up to four values.
type PolicyRule struct {
	Ptype  string
	Values []string
}

// Policies stores casbin rules in our own table.
type Policies struct{ s *Store }

// NewPolicies returns the policy repository.
func NewPolicies(s *Store) *Policies { return &Policies{s: s} }

// All returns every rule.
func (r *Policies) All(ctx context.Context) ([]PolicyRule, error) {
	var recs []casbinRuleRecord
	if err := r.s.conn(ctx).Order("id").Find(&recs).Error; err != nil {
		return nil, translate(err)
	}
	out := make([]PolicyRule, len(recs))
	for i, rec := range recs {
		vals := []string{rec.V0, rec.V1, rec.V2, rec.V3}
		for len(vals) > 0 && vals[len(vals)-1] == "" {
			vals = vals[:len(vals)-1]
		}
		out[i] = PolicyRule{Ptype: rec.Ptype, Values: vals}
	}
	return out, nil
}

func record(rule PolicyRule, source string) casbinRuleRecord {
	v := make([]string, 4)
	copy(v, rule.Values)
	return casbinRuleRecord{Ptype: rule.Ptype, V0: v[0], V1: v[1], V2: v[2], V3: v[3], Source: source}
}

// Add stores rules as custom (administrator) rules.
func (r *Policies) Add(ctx context.Context, rules ...PolicyRule) error {
	return r.s.Do(ctx, func(ctx context.Context) error {
		for _, rule := range rules {
			rec := record(rule, "custom")
			if err := r.s.conn(ctx).Create(&rec).Error; err != nil {
				return translate(err)
			}
		}
		return nil
	})
}

// Remove deletes rules matching exactly.
func (r *Policies) Remove(ctx context.Context, rules ...PolicyRule) error {
	return r.s.Do(ctx, func(ctx context.Context) error {
		for _, rule := range rules {
			w := record(rule, "")
			err := r.s.conn(ctx).Where("ptype = ? AND v0 = ? AND v1 = ? AND v2 = ? AND v3 = ?",
				w.Ptype, w.V0, w.V1, w.V2, w.V3).Delete(&casbinRuleRecord{}).Error
			if err != nil {
				return translate(err)
			}
		}
		return nil
	})
}

// SyncDefaults makes the default rules in the table equal to rules: missing
// ones are added, default ones no longer shipped are removed; custom rules
// are kept. It returns how many rows it added and removed.
func (r *Policies) SyncDefaults(ctx context.Context, rules []PolicyRule) (added, removed int, err error) {
	err = r.s.Do(ctx, func(ctx context.Context) error {
		var existing []casbinRuleRecord
		if err := r.s.conn(ctx).Find(&existing).Error; err != nil {
			return translate(err)
		}
		key := func(c casbinRuleRecord) string {
			return c.Ptype + "\x00" + c.V0 + "\x00" + c.V1 + "\x00" + c.V2 + "\x00" + c.V3
		}
		want := map[string]casbinRuleRecord{}
		for _, rule := range rules {
			rec := record(rule, "default")
			want[key(rec)] = rec
		}
		have := map[string]bool{}
		for _, rec := range existing {
			k := key(rec)
			have[k] = true
			if _, ok := want[k]; !ok && rec.Source == "default" {
				if err := r.s.conn(ctx).Delete(&casbinRuleRecord{}, rec.ID).Error; err != nil {
					return translate(err)
				}
				removed++
			}
		}
		for k, rec := range want {
			if have[k] {
				continue
			}
			if err := r.s.conn(ctx).Create(&rec).Error; err != nil {
				return translate(err)
			}
			added++
		}
		return nil
	})
	return added, removed, err
}
