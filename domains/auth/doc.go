// Package auth holds what cimviz needs to let other processes reach its
// embedded NATS server safely, using only NATS's own mechanisms:
//
//   - roles ([Role]) whose subject permissions are written with
//     domains/subject's rules and handed to nats-server as the permissions
//     of nkey users;
//   - a users file in the data directory (DATA/auth/users.json) that holds
//     the public nkey and role of every user `cimviz credentials` made; the
//     server reads it when it starts;
//   - the client side: [ClientOptions] turns a --creds/--nkey file and a
//     CA file into nats.go options;
//   - TLS: [GenerateCerts] writes a CA and a server certificate (ECDSA
//     P-256) and [ServerTLS] loads them for the server.
//
// No cryptography is done here beyond calling crypto/x509 and nkeys.
package auth
