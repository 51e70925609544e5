package secure_test

import (
	"strings"
	"testing"

	"huiguan/infra/secure"
)

func TestCipherRoundTripAndTamper(t *testing.T) {
	key, err := secure.LoadDataKey("", t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	c, _ := secure.NewCipher(key)
	enc, err := c.Encrypt("13812345678")
	if err != nil || !strings.HasPrefix(enc, "v1:") || strings.Contains(enc, "1381234") {
		t.Fatalf("encrypt: %q %v", enc, err)
	}
	if again, _ := c.Encrypt("13812345678"); again == enc {
		t.Fatal("two encryptions of one value must differ (random nonce)")
	}
	if dec, err := c.Decrypt(enc); err != nil || dec != "13812345678" {
		t.Fatalf("decrypt: %q %v", dec, err)
	}
	tampered := enc[:len(enc)-2] + "AA"
	if _, err := c.Decrypt(tampered); err == nil {
		t.Fatal("a tampered ciphertext must not decrypt")
	}
	other, _ := secure.NewCipher(make([]byte, 32))
	if _, err := other.Decrypt(enc); err == nil {
		t.Fatal("another key must not decrypt")
	}
	if c.BlindIndex("138 1234 5678") != c.BlindIndex("13812345678") || c.BlindIndex("1") == c.BlindIndex("2") {
		t.Fatal("blind index must normalise spaces and separate values")
	}
}

func TestDataKeyIsKeptInTheDataDir(t *testing.T) {
	dir := t.TempDir()
	a, _ := secure.LoadDataKey("", dir)
	b, _ := secure.LoadDataKey("", dir)
	if string(a) != string(b) {
		t.Fatal("second load must read the generated key")
	}
	if _, err := secure.LoadDataKey("abc", dir); err == nil {
		t.Fatal("a short key in the environment must be refused")
	}
}
