package secure

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Cipher encrypts confidential fields at rest with AES-256-GCM and computes
// HMAC blind indexes, so staff can find a record by an encrypted value
// without the database ever holding it in clear.
type Cipher struct {
	aead     cipher.AEAD
	indexKey []byte
}

// NewCipher derives the encryption and index keys from a 32-byte data key.
func NewCipher(dataKey []byte) (*Cipher, error) {
	if len(dataKey) != 32 {
		return nil, errors.New("secure: the data key must be 32 bytes")
	}
	encKey := derive(dataKey, "huiguan/field-encryption/v1")
	block, err := aes.NewCipher(encKey)
	if err != nil {
		return nil, err
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		return nil, err
	}
	return &Cipher{aead: aead, indexKey: derive(dataKey, "huiguan/blind-index/v1")}, nil
}

func derive(key []byte, label string) []byte {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(label))
	return m.Sum(nil)
}

const cipherPrefix = "v1:"

// Encrypt returns "v1:" + base64(nonce ‖ ciphertext); the empty string stays empty.
func (c *Cipher) Encrypt(plain string) (string, error) {
	if plain == "" {
		return "", nil
	}
	nonce := make([]byte, c.aead.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		return "", err
	}
	sealed := c.aead.Seal(nonce, nonce, []byte(plain), nil)
	return cipherPrefix + base64.StdEncoding.EncodeToString(sealed), nil
}

// Decrypt reverses Encrypt.
func (c *Cipher) Decrypt(stored string) (string, error) {
	if stored == "" {
		return "", nil
	}
	if !strings.HasPrefix(stored, cipherPrefix) {
		return "", errors.New("secure: value is not encrypted")
	}
	raw, err := base64.StdEncoding.DecodeString(stored[len(cipherPrefix):])
	if err != nil || len(raw) < c.aead.NonceSize() {
		return "", errors.New("secure: damaged ciphertext")
	}
	n := c.aead.NonceSize()
	plain, err := c.aead.Open(nil, raw[:n], raw[n:], nil)
	if err != nil {
		return "", errors.New("secure: ciphertext does not authenticate (wrong data key?)")
	}
	return string(plain), nil
}

// BlindIndex is a keyed hash of a normalised value for exact-match search.
func (c *Cipher) BlindIndex(value string) string {
	v := strings.ToLower(strings.Join(strings.Fields(value), ""))
	if v == "" {
		return ""
	}
	m := hmac.New(sha256.New, c.indexKey)
	m.Write([]byte(v))
	return hex.EncodeToString(m.Sum(nil))[:32]
}

// LoadDataKey reads the key from HUIGUAN_DATA_KEY (64 hex characters) or,
// failing that, from <dataDir>/data.key, generating that file on first use.
// Production sets the variable; the file is the development convenience.
func LoadDataKey(fromEnv, dataDir string) ([]byte, error) {
	if fromEnv != "" {
		k, err := hex.DecodeString(strings.TrimSpace(fromEnv))
		if err != nil || len(k) != 32 {
			return nil, errors.New("secure: HUIGUAN_DATA_KEY must be 64 hex characters")
		}
		return k, nil
	}
	path := filepath.Join(dataDir, "data.key")
	if b, err := os.ReadFile(path); err == nil {
		k, err := hex.DecodeString(strings.TrimSpace(string(b)))
		if err != nil || len(k) != 32 {
			return nil, fmt.Errorf("secure: %s is damaged", path)
		}
		return k, nil
	} else if !errors.Is(err, os.ErrNotExist) {
		return nil, err
	}
	k := make([]byte, 32)
	if _, err := rand.Read(k); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dataDir, 0o750); err != nil {
		return nil, err
	}
	// O_EXCL: two instances starting together must not write two keys.
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, os.ErrExist) {
		return LoadDataKey("", dataDir)
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if _, err := f.WriteString(hex.EncodeToString(k) + "\n"); err != nil {
		return nil, err
	}
	return k, f.Sync()
}
