// Package natsembed runs a NATS server with JetStream inside the cimviz
// process, so the editor needs no set-up: [Start] it on a data directory,
// [Server.Connect] to it, [Server.Shutdown] it when done.
//
// # Reachability
//
// With an empty [Config.Listen] the server opens no TCP port at all and
// clients connect in-process (nats.InProcessServer). With "host:port" it
// also listens for other processes; a listen address without a host
// (":4222") binds loopback only, so nothing beyond this machine can connect
// unless a host is given explicitly ("0.0.0.0:4222"). Port 0 picks a free
// port; [Server.ClientURL] tells which.
//
// # Durability (fsync policy)
//
// By default JetStream's policy applies: every acknowledged write has been
// handed to the operating system (it is in the page cache) before the ack,
// so killing or crashing the cimviz process loses nothing acknowledged. The
// files are fsynced every [Config.SyncInterval] (JetStream's default is two
// minutes), so an operating-system crash or a power loss may lose writes of
// the last interval. [Config.SyncAlways] fsyncs every write before it is
// acknowledged: nothing acknowledged is ever lost, at a large cost in
// append throughput.
//
// Server logs go to log/slog (notices at Info, debug and trace at Debug).
// Tests use the helpers in natsembed/natstest.
package natsembed
