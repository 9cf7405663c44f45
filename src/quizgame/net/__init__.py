"""The party game over the network: the host's WebSocket server and the player's client.

asyncio and the `websockets` library; the rules are `quizgame.core.party`'s. No Textual here:
the host's and the player's screens (`quizgame.tui`) drive these.
"""
