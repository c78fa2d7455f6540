# raytrace: a small recursive ray tracer.  Three spheres (one mirror-like)
# above a checkered plane, two point lights with shadows, Phong shading and
# up to three reflection bounces; renders a square image and reports a
# checksum of the 8-bit pixel values.
#
# Exercises: a vector class with operator overloading (__add__, __sub__,
# __mul__, __neg__), many short-lived objects, method calls through a small
# class hierarchy (Sphere/Plane share an interface), math.sqrt/floor, float
# ** exponent, recursion, isinstance-free duck typing.
#
# Usage: python3 raytrace.py [width]     (work grows with width squared)

import sys
import math

DEFAULT_SIZE = 320
SIZE_GROWTH = "square"

EPSILON = 1e-6
MAX_DEPTH = 3


class Vec:
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y, self.z + o.z)

    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y, self.z - o.z)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k, self.z * k)

    __rmul__ = __mul__

    def __neg__(self):
        return Vec(-self.x, -self.y, -self.z)

    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z

    def cross(self, o):
        return Vec(self.y * o.z - self.z * o.y,
                   self.z * o.x - self.x * o.z,
                   self.x * o.y - self.y * o.x)

    def length(self):
        return math.sqrt(self.dot(self))

    def unit(self):
        n = self.length()
        return Vec(self.x / n, self.y / n, self.z / n)

    def times(self, o):
        return Vec(self.x * o.x, self.y * o.y, self.z * o.z)


BLACK = Vec(0.0, 0.0, 0.0)
WHITE = Vec(1.0, 1.0, 1.0)


class Ray:
    def __init__(self, origin, direction):
        self.origin = origin
        self.direction = direction

    def at(self, t):
        return self.origin + self.direction * t


class Material:
    def __init__(self, color, diffuse, specular, shininess, reflect):
        self.color = color
        self.diffuse = diffuse
        self.specular = specular
        self.shininess = shininess
        self.reflect = reflect

    def color_at(self, point):
        return self.color


class Checker(Material):
    def __init__(self, other, *args):
        Material.__init__(self, *args)
        self.other = other

    def color_at(self, point):
        if (math.floor(point.x) + math.floor(point.z)) % 2:
            return self.other
        return self.color


class Sphere:
    def __init__(self, center, radius, material):
        self.center = center
        self.radius = radius
        self.material = material

    def hit(self, ray):
        oc = ray.origin - self.center
        b = oc.dot(ray.direction)
        c = oc.dot(oc) - self.radius * self.radius
        disc = b * b - c
        if disc < 0.0:
            return None
        root = math.sqrt(disc)
        t = -b - root
        if t > EPSILON:
            return t
        t = -b + root
        if t > EPSILON:
            return t
        return None

    def normal(self, point):
        return (point - self.center).unit()


class Plane:
    def __init__(self, point, normal, material):
        self.point = point
        self.norm = normal.unit()
        self.material = material

    def hit(self, ray):
        denom = self.norm.dot(ray.direction)
        if abs(denom) < EPSILON:
            return None
        t = (self.point - ray.origin).dot(self.norm) / denom
        return t if t > EPSILON else None

    def normal(self, point):
        return self.norm


class Light:
    def __init__(self, position, color):
        self.position = position
        self.color = color


class Scene:
    def __init__(self):
        self.objects = []
        self.lights = []
        self.ambient = 0.1
        self.background = Vec(0.05, 0.07, 0.12)

    def nearest(self, ray):
        best_t = None
        best = None
        for obj in self.objects:
            t = obj.hit(ray)
            if t is not None and (best_t is None or t < best_t):
                best_t = t
                best = obj
        return best, best_t

    def in_shadow(self, point, to_light, distance):
        ray = Ray(point, to_light)
        for obj in self.objects:
            t = obj.hit(ray)
            if t is not None and t < distance:
                return True
        return False

    def trace(self, ray, depth):
        obj, t = self.nearest(ray)
        if obj is None:
            return self.background
        point = ray.at(t)
        n = obj.normal(point)
        if n.dot(ray.direction) > 0.0:
            n = -n
        mat = obj.material
        base = mat.color_at(point)
        color = base * self.ambient
        view = -ray.direction
        for light in self.lights:
            offset = light.position - point
            dist = offset.length()
            to_light = offset * (1.0 / dist)
            if self.in_shadow(point, to_light, dist):
                continue
            lambert = n.dot(to_light)
            if lambert > 0.0:
                color = color + base.times(light.color) * (mat.diffuse * lambert)
                half = (to_light + view).unit()
                spec = n.dot(half)
                if spec > 0.0:
                    color = color + light.color * (mat.specular * spec ** mat.shininess)
        if mat.reflect > 0.0 and depth < MAX_DEPTH:
            d = ray.direction
            refl = d - n * (2.0 * d.dot(n))
            bounce = self.trace(Ray(point, refl.unit()), depth + 1)
            color = color * (1.0 - mat.reflect) + bounce * mat.reflect
        return color


def build_scene():
    scene = Scene()
    scene.objects.append(Plane(Vec(0.0, 0.0, 0.0), Vec(0.0, 1.0, 0.0),
                               Checker(Vec(0.1, 0.1, 0.1),
                                       Vec(0.9, 0.9, 0.9), 0.8, 0.2, 10.0, 0.25)))
    scene.objects.append(Sphere(Vec(0.0, 1.0, 5.0), 1.0,
                                Material(Vec(0.9, 0.2, 0.2), 0.7, 0.5, 40.0, 0.2)))
    scene.objects.append(Sphere(Vec(-2.2, 0.8, 6.5), 0.8,
                                Material(Vec(0.2, 0.8, 0.3), 0.8, 0.3, 20.0, 0.0)))
    scene.objects.append(Sphere(Vec(2.0, 1.3, 7.0), 1.3,
                                Material(Vec(0.9, 0.9, 1.0), 0.2, 0.9, 80.0, 0.7)))
    scene.lights.append(Light(Vec(-5.0, 8.0, -2.0), Vec(0.9, 0.85, 0.8)))
    scene.lights.append(Light(Vec(6.0, 5.0, 1.0), Vec(0.3, 0.35, 0.5)))
    return scene


def to_byte(v):
    if v <= 0.0:
        return 0
    if v >= 1.0:
        return 255
    return int(v * 255.0 + 0.5)


def render(scene, width, height):
    eye = Vec(0.0, 1.6, -1.0)
    target = Vec(0.0, 1.0, 5.0)
    forward = (target - eye).unit()
    right = Vec(0.0, 1.0, 0.0).cross(forward).unit()
    up = forward.cross(right)
    aspect = width / height
    checksum = 0
    histogram = [0] * 8
    for j in range(height):
        sy = 1.0 - 2.0 * (j + 0.5) / height
        for i in range(width):
            sx = (2.0 * (i + 0.5) / width - 1.0) * aspect
            d = (forward + right * (sx * 0.6) + up * (sy * 0.6)).unit()
            c = scene.trace(Ray(eye, d), 0)
            r, g, b = to_byte(c.x), to_byte(c.y), to_byte(c.z)
            checksum = (checksum * 31 + (r << 16 | g << 8 | b)) % 2147483647
            histogram[(r + g + b) // 96] += 1
    return checksum, histogram


def main():
    width = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SIZE
    height = width * 3 // 4
    checksum, histogram = render(build_scene(), width, height)
    print("raytrace %dx%d checksum=%d brightness=%s"
          % (width, height, checksum, histogram))


main()
