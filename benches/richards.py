# richards: Martin Richards' operating-system simulation.  Six tasks (an idle
# task, a worker, two packet handlers and two devices) pass message packets
# through a priority scheduler; each run ends when the idle task has counted
# down.  A correct run of the standard configuration queues 23246 packets and
# holds a task 9297 times.
#
# Exercises: classes and subclasses, instance attribute reads and writes,
# method calls (virtual dispatch through subclasses), None checks, linked
# lists built from objects.
#
# Usage: python3 richards.py [runs]

import sys

DEFAULT_SIZE = 45

IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = 1, 2, 3, 4, 5, 6
KIND_DEVICE, KIND_WORK = 0, 1
BUFFER_LEN = 4
IDLE_COUNT = 10000


class Packet:
    def __init__(self, link, dest, kind):
        self.link = link
        self.dest = dest
        self.kind = kind
        self.value = 0
        self.buffer = [0] * BUFFER_LEN

    def append_to(self, queue):
        # Put self at the end of the queue starting at `queue`; return the head.
        self.link = None
        if queue is None:
            return self
        node = queue
        while node.link is not None:
            node = node.link
        node.link = self
        return queue


class Task:
    def __init__(self, system, ident, priority, queue, pending, waiting):
        self.system = system
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.pending = pending      # a packet is waiting in the queue
        self.waiting = waiting      # blocked until a packet arrives
        self.holding = False        # suspended by hold()
        self.next = system.first
        system.first = self
        system.by_id[ident] = self

    def blocked(self):
        return self.holding or (self.waiting and not self.pending)

    def run(self):
        packet = None
        if self.pending and self.waiting and not self.holding:
            packet = self.queue
            self.queue = packet.link
            self.waiting = False
            self.pending = self.queue is not None
        return self.step(packet)

    def receive(self, packet, sender):
        # Deliver a packet; return the task the scheduler should run next.
        if self.queue is None:
            self.queue = packet
            self.pending = True
            if self.priority > sender.priority:
                return self
        else:
            self.queue = packet.append_to(self.queue)
        return sender

    # -- services a task's step() calls to yield control --

    def wait(self):
        self.waiting = True
        return self

    def hold(self):
        self.system.holds += 1
        self.holding = True
        return self.next

    def release(self, ident):
        other = self.system.by_id[ident]
        other.holding = False
        if other.priority > self.priority:
            return other
        return self

    def send(self, packet):
        target = self.system.by_id[packet.dest]
        self.system.sends += 1
        packet.link = None
        packet.dest = self.ident
        return target.receive(packet, self)

    def step(self, packet):
        raise NotImplementedError


class IdleTask(Task):
    def __init__(self, system, ident, priority, count):
        Task.__init__(self, system, ident, priority, None, False, False)
        self.control = 1
        self.count = count

    def step(self, packet):
        self.count -= 1
        if self.count == 0:
            return self.hold()
        if self.control & 1:
            self.control = (self.control >> 1) ^ 0xD008
            return self.release(DEVICE_B)
        self.control >>= 1
        return self.release(DEVICE_A)


class WorkerTask(Task):
    def __init__(self, system, ident, priority, queue):
        Task.__init__(self, system, ident, priority, queue, True, True)
        self.target = HANDLER_A
        self.letter = 0

    def step(self, packet):
        if packet is None:
            return self.wait()
        self.target = HANDLER_B if self.target == HANDLER_A else HANDLER_A
        packet.dest = self.target
        packet.value = 0
        buf = packet.buffer
        for i in range(BUFFER_LEN):
            self.letter += 1
            if self.letter > 26:
                self.letter = 1
            buf[i] = 64 + self.letter
        return self.send(packet)


class HandlerTask(Task):
    def __init__(self, system, ident, priority, queue):
        Task.__init__(self, system, ident, priority, queue, True, True)
        self.work = None
        self.devices = None

    def step(self, packet):
        if packet is not None:
            if packet.kind == KIND_WORK:
                self.work = packet.append_to(self.work)
            else:
                self.devices = packet.append_to(self.devices)
        work = self.work
        if work is None:
            return self.wait()
        pos = work.value
        if pos >= BUFFER_LEN:
            self.work = work.link
            return self.send(work)
        dev = self.devices
        if dev is None:
            return self.wait()
        self.devices = dev.link
        dev.value = work.buffer[pos]
        work.value = pos + 1
        return self.send(dev)


class DeviceTask(Task):
    def __init__(self, system, ident, priority):
        Task.__init__(self, system, ident, priority, None, False, True)
        self.held_packet = None

    def step(self, packet):
        if packet is not None:
            self.held_packet = packet
            return self.hold()
        packet = self.held_packet
        if packet is None:
            return self.wait()
        self.held_packet = None
        return self.send(packet)


class System:
    def __init__(self):
        self.first = None
        self.by_id = [None] * 7
        self.sends = 0
        self.holds = 0

    def build(self, idle_count):
        IdleTask(self, IDLE, 0, idle_count)
        queue = Packet(None, 0, KIND_WORK)
        queue = Packet(queue, 0, KIND_WORK)
        WorkerTask(self, WORKER, 1000, queue)
        for ident, device, priority in ((HANDLER_A, DEVICE_A, 2000),
                                        (HANDLER_B, DEVICE_B, 3000)):
            queue = None
            for _ in range(3):
                queue = Packet(queue, device, KIND_DEVICE)
            HandlerTask(self, ident, priority, queue)
        DeviceTask(self, DEVICE_A, 4000)
        DeviceTask(self, DEVICE_B, 5000)

    def schedule(self):
        task = self.first
        while task is not None:
            if task.blocked():
                task = task.next
            else:
                task = task.run()


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SIZE
    total_sends = total_holds = 0
    ok = True
    for _ in range(runs):
        system = System()
        system.build(IDLE_COUNT)
        system.schedule()
        total_sends += system.sends
        total_holds += system.holds
        if system.sends != 23246 or system.holds != 9297:
            ok = False
    print("richards runs=%d sends=%d holds=%d %s"
          % (runs, total_sends, total_holds, "ok" if ok else "WRONG"))


main()
