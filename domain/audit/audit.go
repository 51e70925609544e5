// Package audit defines the append-only, hash-chained audit trail. Each
// entry's hash covers the previous entry's hash and the entry's own canonical
// form, so editing or deleting any stored entry breaks every hash after it.
package audit

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strconv"
	"strings"
	"time"
)

// GenesisHash is the previous hash of the first entry.
const GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000"

// Actor is who made a change.
type Actor struct {
	UserID   int64
	Username string
	IP       string
}

// System is the actor of jobs and command-line operations.
var System = Actor{Username: "system"}

// Entry is one audited state change.
type Entry struct {
	ID        int64
	Seq       int64
	At        time.Time
	ActorID   int64
	ActorName string
	Action    string // e.g. "user.create"
	Entity    string // e.g. "user"
	EntityID  string
	Before    string // canonical JSON or ""
	After     string // canonical JSON or ""
	RequestID string
	IP        string
	PrevHash  string
	Hash      string
}

// Canonical returns the JSON encoding used in the hash. Go's encoder sorts
// map keys and emits struct fields in order, so it is stable; a nil value
// is the empty string rather than "null" so that "no state" is explicit.
func Canonical(v any) (string, error) {
	if v == nil {
		return "", nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return "", err
	}
	if string(b) == "null" {
		return "", nil
	}
	return string(b), nil
}

// Normalise truncates the time to microseconds in UTC, the precision both
// databases keep, so the stored entry hashes the same after a round trip.
func (e *Entry) Normalise() { e.At = e.At.UTC().Truncate(time.Microsecond) }

// ComputeHash returns the SHA-256 over the previous hash and the entry.
func (e *Entry) ComputeHash() string {
	var b strings.Builder
	field := func(s string) {
		b.WriteString(strconv.Itoa(len(s)))
		b.WriteByte(':')
		b.WriteString(s)
		b.WriteByte('|')
	}
	// Length-prefixed fields: no choice of values can make two entries collide.
	field(e.PrevHash)
	field(strconv.FormatInt(e.Seq, 10))
	field(e.At.UTC().Format(time.RFC3339Nano))
	field(strconv.FormatInt(e.ActorID, 10))
	field(e.ActorName)
	field(e.Action)
	field(e.Entity)
	field(e.EntityID)
	field(e.Before)
	field(e.After)
	field(e.RequestID)
	field(e.IP)
	sum := sha256.Sum256([]byte(b.String()))
	return hex.EncodeToString(sum[:])
}

// Seal links e after the entry with prevSeq and prevHash.
func (e *Entry) Seal(prevSeq int64, prevHash string) {
	e.Normalise()
	e.Seq = prevSeq + 1
	e.PrevHash = prevHash
	e.Hash = e.ComputeHash()
}

// Break describes the first place where a chain does not verify.
type Break struct {
	Seq    int64
	Reason string // "hash_mismatch", "prev_mismatch", "seq_gap"
}

// Verifier checks a chain entry by entry, in sequence order.
type Verifier struct {
	prevSeq  int64
	prevHash string
	checked  int64
}

// NewVerifier starts at the genesis.
func NewVerifier() *Verifier { return &Verifier{prevHash: GenesisHash} }

// Next checks one entry; it returns a Break at the first broken entry.
func (v *Verifier) Next(e Entry) *Break {
	switch {
	case e.Seq != v.prevSeq+1:
		return &Break{Seq: e.Seq, Reason: "seq_gap"}
	case e.PrevHash != v.prevHash:
		return &Break{Seq: e.Seq, Reason: "prev_mismatch"}
	case e.ComputeHash() != e.Hash:
		return &Break{Seq: e.Seq, Reason: "hash_mismatch"}
	}
	v.prevSeq, v.prevHash = e.Seq, e.Hash
	v.checked++
	return nil
}

// Checked is the number of entries verified so far.
func (v *Verifier) Checked() int64 { return v.checked }

// Head is the sequence and hash of the last verified entry.
func (v *Verifier) Head() (int64, string) { return v.prevSeq, v.prevHash }
