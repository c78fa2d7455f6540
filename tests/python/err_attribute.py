# An AttributeError on an instance escapes from a nested method call.

class Engine:
    def __init__(self):
        self.running = False

    def start(self):
        self.running = True
        return "vroom"

class Car:
    def __init__(self):
        self.engine = Engine()

    def drive(self):
        print("engine:", self.engine.start(), self.engine.running)
        return self.engine.fuel_level

car = Car()
print("driving")
car.drive()
