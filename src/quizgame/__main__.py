from quizgame.cli import main

main()
