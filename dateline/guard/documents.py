"""Documents go out without a "Content-Encoding: None" header.

Wagtail's document serving (wagtail/utils/sendfile.py, checked against 8.0.1) sets
Content-Encoding to the encoding mimetypes guesses from the file name, None for every
extension we accept (WAGTAILDOCS_EXTENSIONS), and Django writes it as the word "None": a
client may refuse the file or try to decode it.
"""


class DocumentHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.get("Content-Encoding") == "None":
            del response["Content-Encoding"]
        return response
