# circ.a imports circ.b, which imports a name circ.a has not defined yet.
