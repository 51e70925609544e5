// Package secure holds the cryptographic adapters: password hashing and
// random tokens.
package secure

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"math/big"

	"golang.org/x/crypto/bcrypt"
)

// Bcrypt hashes passwords with a configurable cost.
type Bcrypt struct{ Cost int }

// Hash returns the bcrypt hash of plain.
func (b Bcrypt) Hash(plain string) (string, error) {
	cost := b.Cost
	if cost == 0 {
		cost = bcrypt.DefaultCost
	}
	h, err := bcrypt.GenerateFromPassword([]byte(plain), cost)
	return string(h), err
}

// Matches reports whether plain is the password of hash.
func (Bcrypt) Matches(hash, plain string) bool {
	return bcrypt.CompareHashAndPassword([]byte(hash), []byte(plain)) == nil
}

// Tokens makes 256-bit random tokens.
type Tokens struct{}

// New returns a URL-safe token and the hex SHA-256 under which it is stored.
func (t Tokens) New() (string, string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", "", err
	}
	tok := base64.RawURLEncoding.EncodeToString(b)
	return tok, t.Hash(tok), nil
}

// Hash is the storage form of a token.
func (Tokens) Hash(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// passwordAlphabet leaves out look-alikes (0/O, 1/l/I) so a printed password
// can be typed from a screen.
const passwordAlphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"

// Password returns a random password of n characters.
func Password(n int) (string, error) {
	out := make([]byte, n)
	max := big.NewInt(int64(len(passwordAlphabet)))
	for i := range out {
		k, err := rand.Int(rand.Reader, max)
		if err != nil {
			return "", err
		}
		out[i] = passwordAlphabet[k.Int64()]
	}
	return string(out), nil
}
