# shellcheck shell=bash
# A throwaway PostgreSQL cluster for the PostgreSQL tests (ibancheck/payee/pgstore, ...). Source this file,
# then:   pg_start   (exports TRUSTREFLEX_POSTGRES_URL)   ...tests...   pg_stop
# pg_pause stops the server and keeps its data; pg_resume starts it again on the same port (trustd's fault
# tests use them on a cluster of their own, with PG_TMPDIR and PG_BINDIR set as pg_start exported them).
# It installs the Debian package postgresql when no initdb is found, runs the server as
# the postgres user (initdb refuses root) in a temporary directory, listening on
# 127.0.0.1 on a free port and on a unix socket in that directory, with fsync off.

_pg_as_owner() {
	if [ "$(id -u)" = 0 ]; then
		if command -v runuser >/dev/null; then
			runuser -u postgres -- "$@"
		else
			su postgres -s /bin/sh -c "$(printf '%q ' "$@")"
		fi
	else
		"$@"
	fi
}

_pg_bindir() { # the bin directory of the newest installed PostgreSQL, or nothing
	local newest
	newest=$(printf '%s\n' /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)
	if [ -x "$newest" ]; then dirname "$newest"; fi
	return 0
}

_pg_free_port() {
	local port
	for _ in $(seq 1 50); do
		port=$((20000 + RANDOM % 40000))
		if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
			echo "$port"
			return 0
		fi
	done
	return 1
}

pg_start() {
	local bindir port
	bindir=$(_pg_bindir)
	if [ -z "$bindir" ]; then
		echo "postgres.sh: installing PostgreSQL (Debian package postgresql)" >&2
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null ||
			{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; } ||
			{ echo "postgres.sh: cannot install postgresql" >&2; return 1; }
		bindir=$(_pg_bindir)
		[ -n "$bindir" ] || { echo "postgres.sh: no initdb after installing postgresql" >&2; return 1; }
	fi
	if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
		echo "postgres.sh: running as root and no postgres user to run the server" >&2
		return 1
	fi
	PG_TMPDIR=$(mktemp -d "${TMPDIR:-/tmp}/trustreflex-pg.XXXXXX") || return 1
	export PG_TMPDIR PG_BINDIR=$bindir
	if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$PG_TMPDIR"; fi
	chmod 700 "$PG_TMPDIR"
	port=$(_pg_free_port) || { echo "postgres.sh: no free port" >&2; return 1; }
	if ! _pg_as_owner "$bindir/initdb" -D "$PG_TMPDIR/data" -U postgres -A trust --no-locale -E UTF8 --no-sync >"$PG_TMPDIR/initdb.log" 2>&1; then
		cat "$PG_TMPDIR/initdb.log" >&2
		return 1
	fi
	echo "$port" >"$PG_TMPDIR/port"
	pg_resume || return 1
	if ! _pg_as_owner "$bindir/createdb" -h "$PG_TMPDIR" -p "$port" -U postgres trustreflex; then
		pg_stop
		return 1
	fi
	export TRUSTREFLEX_POSTGRES_URL="postgres://postgres@127.0.0.1:$port/trustreflex?sslmode=disable"
	echo "postgres.sh: PostgreSQL $("$bindir/pg_ctl" --version | awk '{print $3}') on 127.0.0.1:$port" >&2
}

pg_resume() { # start the server of $PG_TMPDIR on its port
	if ! _pg_as_owner "$PG_BINDIR/pg_ctl" -D "$PG_TMPDIR/data" -l "$PG_TMPDIR/server.log" -w -t 60 \
		-o "-k $PG_TMPDIR -p $(cat "$PG_TMPDIR/port") -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null; then
		cat "$PG_TMPDIR/server.log" >&2
		return 1
	fi
}

pg_pause() { # stop the server of $PG_TMPDIR (fast shutdown: connections are closed), keeping its data
	_pg_as_owner "$PG_BINDIR/pg_ctl" -D "$PG_TMPDIR/data" -m fast -w stop >/dev/null
}

pg_stop() {
	[ -n "${PG_TMPDIR:-}" ] || return 0
	if [ -d "$PG_TMPDIR/data" ]; then
		_pg_as_owner "$PG_BINDIR/pg_ctl" -D "$PG_TMPDIR/data" -m fast -w stop >/dev/null 2>&1 || true
	fi
	rm -rf "$PG_TMPDIR"
	unset PG_TMPDIR TRUSTREFLEX_POSTGRES_URL
	return 0
}
