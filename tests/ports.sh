# Sourced by the test scripts that start servers on loopback ports: free_port prints a free port
# below the kernel's ephemeral range (net.ipv4.ip_local_port_range). Ports there are never handed to
# an outgoing connection's source port or to a port-0 listener, so a test running beside the script
# (test.sh runs the robustness tests beside the Node and scale steps) cannot take a port between the
# pick and the server's bind. Ports picked by one script are remembered, so two picks never repeat.
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
picked_ports_file=$(mktemp)
free_port() {
  local low p
  low=$(cut -f1 /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || echo 32768)
  [ "$low" -gt 12000 ] || low=32768
  while :; do
    p=$(( 10000 + RANDOM % (low - 10000) ))
    port_free "$p" && ! grep -qx "$p" "$picked_ports_file" && break
  done
  echo "$p" >>"$picked_ports_file"; echo "$p"
}
