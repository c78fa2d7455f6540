from circ.pc import child
