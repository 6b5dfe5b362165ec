package auth

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"fmt"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"time"
)

// The files GenerateCerts writes into its directory. ca.pem is what
// clients trust (--ca); ca-key.pem stays with whoever issues certificates.
const (
	CAFile         = "ca.pem"
	CAKeyFile      = "ca-key.pem"
	ServerCertFile = "server.pem"
	ServerKeyFile  = "server-key.pem"
)

// certValidity is how long generated certificates are valid.
const certValidity = 2 * 365 * 24 * time.Hour

// GenerateCerts writes a new certificate authority and a server
// certificate it signed (ECDSA P-256, valid for localhost, 127.0.0.1, ::1
// and the extra hosts) into dir. It refuses to overwrite existing files.
func GenerateCerts(dir string, hosts ...string) error {
	for _, f := range []string{CAFile, CAKeyFile, ServerCertFile, ServerKeyFile} {
		if exists(filepath.Join(dir, f)) {
			return fmt.Errorf("%s already exists; not overwriting it", filepath.Join(dir, f))
		}
	}
	caKey, caCert, err := newCA()
	if err != nil {
		return err
	}
	srvKey, srvDER, err := newServerCert(caKey, caCert, append([]string{"localhost", "127.0.0.1", "::1"}, hosts...))
	if err != nil {
		return err
	}
	if err := writeCert(filepath.Join(dir, CAFile), caCert.Raw); err != nil {
		return err
	}
	if err := writeKey(filepath.Join(dir, CAKeyFile), caKey); err != nil {
		return err
	}
	if err := writeCert(filepath.Join(dir, ServerCertFile), srvDER); err != nil {
		return err
	}
	return writeKey(filepath.Join(dir, ServerKeyFile), srvKey)
}

func newCA() (*ecdsa.PrivateKey, *x509.Certificate, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, nil, fmt.Errorf("ca key: %w", err)
	}
	tmpl := template("cimviz CA")
	tmpl.IsCA, tmpl.BasicConstraintsValid = true, true
	tmpl.KeyUsage = x509.KeyUsageCertSign | x509.KeyUsageCRLSign
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return nil, nil, fmt.Errorf("ca certificate: %w", err)
	}
	cert, err := x509.ParseCertificate(der)
	return key, cert, err
}

func newServerCert(caKey *ecdsa.PrivateKey, ca *x509.Certificate, hosts []string) (*ecdsa.PrivateKey, []byte, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, nil, fmt.Errorf("server key: %w", err)
	}
	tmpl := template("cimviz server")
	tmpl.KeyUsage = x509.KeyUsageDigitalSignature
	tmpl.ExtKeyUsage = []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}
	for _, h := range hosts {
		if ip := net.ParseIP(h); ip != nil {
			tmpl.IPAddresses = append(tmpl.IPAddresses, ip)
		} else {
			tmpl.DNSNames = append(tmpl.DNSNames, h)
		}
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, ca, &key.PublicKey, caKey)
	if err != nil {
		return nil, nil, fmt.Errorf("server certificate: %w", err)
	}
	return key, der, nil
}

// template is a certificate template with a random serial number.
func template(name string) *x509.Certificate {
	serial, _ := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 127))
	now := time.Now()
	return &x509.Certificate{SerialNumber: serial, Subject: pkix.Name{CommonName: name, Organization: []string{"cimviz"}},
		NotBefore: now.Add(-time.Hour), NotAfter: now.Add(certValidity)}
}

func writeCert(path string, der []byte) error {
	return writeNew(path, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}))
}

func writeKey(path string, key *ecdsa.PrivateKey) error {
	der, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		return err
	}
	return writeNew(path, pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der}))
}

// ServerTLS loads dir's server certificate and key (from GenerateCerts,
// or any pair under those names) for the server.
func ServerTLS(dir string) (*tls.Config, error) {
	cert, err := tls.LoadX509KeyPair(filepath.Join(dir, ServerCertFile), filepath.Join(dir, ServerKeyFile))
	if err != nil {
		return nil, fmt.Errorf("tls %s: %w (make them with `cimviz cert --out %s`)", dir, err, dir)
	}
	return &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}, nil
}

// exists reports whether path is there (for refusing to overwrite).
func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}
