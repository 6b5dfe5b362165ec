package auth

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nkeys"
)

// User is one entry of the users file: a public nkey and its role. The
// seed (private key) never enters the users file; only its owner has it.
type User struct {
	Name    string    `json:"name"`
	Role    Role      `json:"role"`
	NKey    string    `json:"nkey"`
	Created time.Time `json:"created"`
}

// UsersFile is where the embedded server on dataDir reads its users.
func UsersFile(dataDir string) string { return filepath.Join(dataDir, "auth", "users.json") }

// LoadUsers reads the users file of dataDir; a missing file is no users.
func LoadUsers(dataDir string) ([]User, error) {
	b, err := os.ReadFile(UsersFile(dataDir))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read users: %w", err)
	}
	var users []User
	if err := json.Unmarshal(b, &users); err != nil {
		return nil, fmt.Errorf("users file %s: %w", UsersFile(dataDir), err)
	}
	for _, u := range users {
		if err := u.check(); err != nil {
			return nil, fmt.Errorf("users file %s: %w", UsersFile(dataDir), err)
		}
	}
	return users, nil
}

func (u User) check() error {
	if !nkeys.IsValidPublicUserKey(u.NKey) {
		return fmt.Errorf("user %q: %q is not a public user nkey", u.Name, u.NKey)
	}
	if _, err := ParseRole(string(u.Role)); err != nil {
		return fmt.Errorf("user %q: %w", u.Name, err)
	}
	return u.Role.Permissions().Validate()
}

// ServerUsers are users as nats-server's nkey users with their roles'
// permissions.
func ServerUsers(users []User) []*server.NkeyUser {
	out := make([]*server.NkeyUser, len(users))
	for i, u := range users {
		out[i] = &server.NkeyUser{Nkey: u.NKey, Permissions: ServerPermissions(u.Role.Permissions())}
	}
	return out
}

// NewCredentials makes a user nkey with role, writes its seed to out (mode
// 0600, refusing to overwrite a file) and registers the public key in
// dataDir's users file. A running server sees the user after a restart.
func NewCredentials(dataDir string, role Role, name, out string) (User, error) {
	kp, err := nkeys.CreateUser()
	if err != nil {
		return User{}, fmt.Errorf("create nkey: %w", err)
	}
	defer kp.Wipe()
	pub, err := kp.PublicKey()
	if err != nil {
		return User{}, err
	}
	seed, err := kp.Seed()
	if err != nil {
		return User{}, err
	}
	if err := writeNew(out, seedFile(seed)); err != nil {
		return User{}, err
	}
	u := User{Name: name, Role: role, NKey: pub, Created: time.Now().UTC()}
	if err := addUser(dataDir, u); err != nil {
		_ = os.Remove(out)
		return User{}, err
	}
	return u, nil
}

// seedFile is the seed in the form nats.go's NkeyOptionFromSeed and the
// nats CLI (--nkey) read.
func seedFile(seed []byte) []byte {
	return []byte("-----BEGIN USER NKEY SEED-----\n" + string(seed) + "\n------END USER NKEY SEED------\n")
}

// writeNew writes a private file that must not exist yet.
func writeNew(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	_, err = f.Write(data)
	return errors.Join(err, f.Close())
}

// addUser appends u to the users file, replacing it atomically.
func addUser(dataDir string, u User) error {
	users, err := LoadUsers(dataDir)
	if err != nil {
		return err
	}
	b, err := json.MarshalIndent(append(users, u), "", "  ")
	if err != nil {
		return err
	}
	path := UsersFile(dataDir)
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, append(b, '\n'), 0o600); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}
