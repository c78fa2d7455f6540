# nbody: a five-body gravity simulation (the Sun and the four giant planets),
# advanced with a simple symplectic Euler step.
#
# Exercises: float arithmetic on list items, nested loops over pairs,
# tuple unpacking, local-variable heavy inner loops.
#
# Usage: python3 nbody.py [steps]

import sys

DEFAULT_SIZE = 300000

PI = 3.14159265358979323
SOLAR_MASS = 4.0 * PI * PI
DAYS_PER_YEAR = 365.24


def make_system():
    # Each body is a list [x, y, z, vx, vy, vz, mass]; positions in AU,
    # velocities in AU/year, masses in solar masses times 4*pi^2.
    def planet(x, y, z, vx, vy, vz, mass):
        return [x, y, z,
                vx * DAYS_PER_YEAR, vy * DAYS_PER_YEAR, vz * DAYS_PER_YEAR,
                mass * SOLAR_MASS]

    sun = [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, SOLAR_MASS]
    jupiter = planet(4.84143144246472090e+00, -1.16032004402742839e+00,
                     -1.03622044471123109e-01, 1.66007664274403694e-03,
                     7.69901118419740425e-03, -6.90460016972063023e-05,
                     9.54791938424326609e-04)
    saturn = planet(8.34336671824457987e+00, 4.12479856412430479e+00,
                    -4.03523417114321381e-01, -2.76742510726862411e-03,
                    4.99852801234917238e-03, 2.30417297573763929e-05,
                    2.85885980666130812e-04)
    uranus = planet(1.28943695621391310e+01, -1.51111514016986312e+01,
                    -2.23307578892655734e-01, 2.96460137564761618e-03,
                    2.37847173959480950e-03, -2.96589568540237556e-05,
                    4.36624404335156298e-05)
    neptune = planet(1.53796971148509165e+01, -2.59193146099879641e+01,
                     1.79258772950371181e-01, 2.68067772490389322e-03,
                     1.62824170038242295e-03, -9.51592254519715870e-05,
                     5.15138902046611451e-05)
    return [sun, jupiter, saturn, uranus, neptune]


def all_pairs(bodies):
    pairs = []
    n = len(bodies)
    for i in range(n):
        for j in range(i + 1, n):
            pairs.append((bodies[i], bodies[j]))
    return pairs


def zero_momentum(bodies):
    px = py = pz = 0.0
    for b in bodies:
        m = b[6]
        px += b[3] * m
        py += b[4] * m
        pz += b[5] * m
    sun = bodies[0]
    sun[3] = -px / SOLAR_MASS
    sun[4] = -py / SOLAR_MASS
    sun[5] = -pz / SOLAR_MASS


def energy(bodies, pairs):
    e = 0.0
    for b in bodies:
        e += 0.5 * b[6] * (b[3] * b[3] + b[4] * b[4] + b[5] * b[5])
    for a, b in pairs:
        dx = a[0] - b[0]
        dy = a[1] - b[1]
        dz = a[2] - b[2]
        e -= a[6] * b[6] / (dx * dx + dy * dy + dz * dz) ** 0.5
    return e


def advance(bodies, pairs, dt, steps):
    for _ in range(steps):
        for a, b in pairs:
            dx = a[0] - b[0]
            dy = a[1] - b[1]
            dz = a[2] - b[2]
            d2 = dx * dx + dy * dy + dz * dz
            mag = dt / (d2 * d2 ** 0.5)
            bm = b[6] * mag
            am = a[6] * mag
            a[3] -= dx * bm
            a[4] -= dy * bm
            a[5] -= dz * bm
            b[3] += dx * am
            b[4] += dy * am
            b[5] += dz * am
        for b in bodies:
            b[0] += dt * b[3]
            b[1] += dt * b[4]
            b[2] += dt * b[5]


def main():
    steps = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SIZE
    bodies = make_system()
    pairs = all_pairs(bodies)
    zero_momentum(bodies)
    before = energy(bodies, pairs)
    advance(bodies, pairs, 0.01, steps)
    after = energy(bodies, pairs)
    print("nbody steps=%d energy_before=%.9f energy_after=%.9f"
          % (steps, before, after))


main()
