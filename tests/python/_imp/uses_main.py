import __main__
MAIN_NAME = __main__.__name__
def main_value():
    return __main__.SHARED
IS_MAIN = __name__ == '__main__'
