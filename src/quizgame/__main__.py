from quizgame.start import main

main()
