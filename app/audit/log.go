// Package audit records and verifies the audit trail. Every use case that
// changes state calls Log.Record inside its own transaction, so the change
// and its audit entry commit or roll back together.
package audit

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"huiguan/app"
	"huiguan/domain/audit"
)

// Store appends to and reads the chain.
type Store interface {
	// Append seals e after the current head and stores it; it must lock the
	// head for the rest of the transaction in ctx.
	Append(ctx context.Context, e *audit.Entry) error
	// AppendMany seals and stores entries in order, as one batch.
	AppendMany(ctx context.Context, es []*audit.Entry) error
	// Walk calls fn for every entry in sequence order.
	Walk(ctx context.Context, fn func(audit.Entry) error) error
	List(ctx context.Context, f Filter, p app.Page) (app.List[audit.Entry], error)
	// Head is the sequence and hash that the next entry will follow.
	Head(ctx context.Context) (int64, string, error)
}

// Filter narrows a list of entries.
type Filter struct {
	Actor    string
	Entity   string
	EntityID string
	Action   string
	From, To *time.Time
}

// Change is one state change to record.
type Change struct {
	Action   string
	Entity   string
	EntityID int64
	// EntityKey is used instead of EntityID for entities keyed by text.
	EntityKey string
	Before    any
	After     any
}

// Log writes audit entries for the principal in the context.
type Log struct {
	store Store
	tx    app.Tx
	clock app.Clock
}

// NewLog builds the audit log.
func NewLog(store Store, tx app.Tx, clock app.Clock) *Log {
	return &Log{store: store, tx: tx, clock: clock}
}

// Record appends one entry in the transaction of ctx (or its own).
func (l *Log) Record(ctx context.Context, c Change) error {
	e, err := l.entry(ctx, c)
	if err != nil {
		return err
	}
	return l.tx.Do(ctx, func(ctx context.Context) error { return l.store.Append(ctx, e) })
}

// RecordMany appends one entry per change, as one batch (imports).
func (l *Log) RecordMany(ctx context.Context, cs []Change) error {
	es := make([]*audit.Entry, len(cs))
	for i, c := range cs {
		e, err := l.entry(ctx, c)
		if err != nil {
			return err
		}
		es[i] = e
	}
	return l.tx.Do(ctx, func(ctx context.Context) error { return l.store.AppendMany(ctx, es) })
}

func (l *Log) entry(ctx context.Context, c Change) (*audit.Entry, error) {
	before, err := audit.Canonical(c.Before)
	if err != nil {
		return nil, fmt.Errorf("audit: encode before: %w", err)
	}
	after, err := audit.Canonical(c.After)
	if err != nil {
		return nil, fmt.Errorf("audit: encode after: %w", err)
	}
	p, ok := app.PrincipalFrom(ctx)
	if !ok {
		p = app.System("")
	}
	id := c.EntityKey
	if id == "" {
		id = strconv.FormatInt(c.EntityID, 10)
	}
	return &audit.Entry{
		At: l.clock.Now(), ActorID: p.UserID, ActorName: p.Username,
		Action: c.Action, Entity: c.Entity, EntityID: id,
		Before: before, After: after, RequestID: p.RequestID, IP: p.IP,
	}, nil
}

// List returns a page of entries, newest first.
func (l *Log) List(ctx context.Context, f Filter, p app.Page) (app.List[audit.Entry], error) {
	return l.store.List(ctx, f, p)
}

// Result is the outcome of a verification.
type Result struct {
	OK      bool
	Checked int64
	Break   *audit.Break
}

// Verify recomputes the whole chain and reports the first broken entry.
func (l *Log) Verify(ctx context.Context) (Result, error) {
	v := audit.NewVerifier()
	var brk *audit.Break
	errStop := fmt.Errorf("stop")
	err := l.store.Walk(ctx, func(e audit.Entry) error {
		if b := v.Next(e); b != nil {
			brk = b
			return errStop
		}
		return nil
	})
	if err != nil && err != errStop {
		return Result{}, err
	}
	if brk == nil {
		// Deleting the newest entries leaves a chain that verifies on its
		// own; the head row still remembers where it ended.
		headSeq, headHash, err := l.store.Head(ctx)
		if err != nil {
			return Result{}, err
		}
		if seq, hash := v.Head(); seq != headSeq || hash != headHash {
			brk = &audit.Break{Seq: seq + 1, Reason: "truncated"}
		}
	}
	return Result{OK: brk == nil, Checked: v.Checked(), Break: brk}, nil
}
