"""A TCP stand-in for Redis that forwards to the real one, refuses, or hangs on demand."""

import socket
import threading


class FlakyRedis:
    def __init__(self, target_host, target_port):
        self.target = (target_host, target_port)
        self.mode = "forward"  # or "hang"
        self.accepted = 0
        self.server = socket.socket()
        self.server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.server.bind(("127.0.0.1", 0))
        self.server.listen(64)
        self.port = self.server.getsockname()[1]
        self.held = []
        self.running = True
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/7"

    def _accept(self):
        while self.running:
            try:
                client, _ = self.server.accept()
            except OSError:
                return
            self.accepted += 1
            if self.mode == "hang":
                self.held.append(client)  # never answer
                continue
            upstream = socket.create_connection(self.target)
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(source, sink):
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for s in (source, sink):
                try:
                    s.close()
                except OSError:
                    pass

    def close(self):
        self.running = False
        self.server.close()
        for s in self.held:
            s.close()
