"""The hosted game (party play): the room's rules, the protocol's messages, the game's log.

Plain Python with an injected clock; the network (`quizgame.net`) and the screens drive it.
"""
